/* rk-import.c: projects and organisations from CSV files
 *
 * An import runs in three steps. Reading decodes the file, splits it into
 * records (rk-csv.c) and finds the columns by their headings, German or
 * English, in any order and case. Planning reads every row, turns each
 * cell into what the table stores and matches the row to a stored record
 * (projects by code, organisations by name): the result is how many
 * records are new, updated and unchanged, and every error with its line
 * and column, for the preview. Applying plans again inside one write
 * transaction, so that what is written is what the database holds at that
 * moment, and writes only when there is no error at all; any error, or
 * Cancel, rolls everything back. Before it writes it backs the database
 * up.
 *
 * What a row changes: a column that is absent from the file leaves that
 * attribute as it is; an empty cell clears an optional attribute (a text,
 * a date, the volume, the field of action, the municipalities). Status,
 * pillar and kind always have a value: an empty cell keeps the current
 * one, or gives a new record the default.
 *
 * Writing goes through temporary tables and then one INSERT … SELECT and
 * one UPDATE … FROM: the triggers that keep the search index then run
 * inside one statement each, which is several times faster than a
 * statement per row, where SQLite would write the index out after every
 * single row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rk-backup.h"
#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-import.h"
#include "rk-organisation.h"

/* The most table columns a kind of file fills. */
#define MAX_DB_COLUMNS 16
/* Below this many new records, inserting into the list indexes row by row
 * is quicker than building them again. */
#define REBUILD_INDEXES_MIN 1000

/* Progress, in thousandths: planning, writing the records, the rest. */
#define PLANNED 400
#define RECORDS_WRITTEN 700
#define WRITTEN 980

struct _RkImport
{
  GObject             parent_instance;

  RkCsvKind           kind;
  const RkCsvColumn  *columns;
  guint               n_columns;
  guint               n_db;                       /* columns with a table column */
  guint               db_of[MAX_DB_COLUMNS];      /* file column → table column */
  guint               spec_of[MAX_DB_COLUMNS];    /* table column → file column */
  const char         *db_columns[MAX_DB_COLUMNS]; /* the table's column names */
  char               *select_sql;                 /* a stored project by code */

  char               *display_name;
  RkCsvTable         *table;
  int                *cell_of;        /* file column → cell, or -1 when absent */
  char              **headings;       /* file column → its heading in the file */
  RkCsvFormat         language;
  GArray             *issues;         /* RkImportIssue */
  guint               n_read_issues;  /* issues of reading, before any plan */
  guint               n_errors;
  gint                any_error;      /* n_errors > 0, for the writer; atomic */
  guint               n_new;
  guint               n_updated;
  guint               n_unchanged;
  gint                progress;       /* thousandths; atomic */
  GPtrArray          *changed_ids;    /* of the records written */
  gboolean            read_ok;
};

G_DEFINE_FINAL_TYPE (RkImport, rk_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (rk-import-error-quark, rk_import_error)

/* A record the import writes: new, or stored and different. */
typedef struct
{
  guint        record;
  char        *id;              /* the stored record's key, or NULL when new */
  const char **values;          /* per table column */
  GPtrArray   *municipalities;  /* sorted keys; NULL when the column is absent */
  gboolean     municipalities_changed;
} Change;

/* A stored organisation, as read for matching by name. */
typedef struct
{
  const char  *id;
  const char **values;
  guint        n_same_name;
} Stored;

typedef struct
{
  GStringChunk   *chunk;           /* every value made while planning */
  GArray         *changes;         /* Change */
  GHashTable     *fields;          /* number or normalised name → key */
  GHashTable     *municipalities;  /* normalised name → key */
  GHashTable     *stored;          /* normalised name → Stored (organisations) */
  GHashTable     *seen;            /* match key → line it first appears on */
  GHashTable     *memo[MAX_DB_COLUMNS]; /* per file column: cell → value read */
  RkOrganisation *probe;           /* checks e-mail and web addresses */
  sqlite3_stmt   *select;          /* a stored project by its code */
} Plan;

static void
issue_clear (gpointer data)
{
  RkImportIssue *issue = data;

  g_clear_pointer (&issue->heading, g_free);
  g_clear_pointer (&issue->message, g_free);
}

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->id, g_free);
  g_clear_pointer (&change->values, g_free);
  g_clear_pointer (&change->municipalities, g_ptr_array_unref);
}

static void
stored_free (gpointer data)
{
  Stored *stored = data;

  g_free (stored->values);
  g_free (stored);
}

static void
plan_free (Plan *plan)
{
  g_string_chunk_free (plan->chunk);
  g_array_unref (plan->changes);
  g_hash_table_unref (plan->fields);
  g_hash_table_unref (plan->municipalities);
  g_hash_table_unref (plan->stored);
  g_hash_table_unref (plan->seen);
  for (guint i = 0; i < G_N_ELEMENTS (plan->memo); i++)
    g_clear_pointer (&plan->memo[i], g_hash_table_unref);
  g_object_unref (plan->probe);
  sqlite3_finalize (plan->select);
  g_free (plan);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static void
rk_import_finalize (GObject *object)
{
  RkImport *self = (RkImport *) object;

  g_free (self->select_sql);
  g_free (self->display_name);
  g_clear_pointer (&self->table, rk_csv_table_free);
  g_free (self->cell_of);
  /* Columns the file lacks leave holes: not a NULL-terminated vector. */
  for (guint i = 0; i < self->n_columns; i++)
    g_free (self->headings[i]);
  g_free (self->headings);
  g_array_unref (self->issues);
  g_ptr_array_unref (self->changed_ids);

  G_OBJECT_CLASS (rk_import_parent_class)->finalize (object);
}

static void
rk_import_class_init (RkImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_import_finalize;
}

static void
rk_import_init (RkImport *self)
{
  self->issues = g_array_new (FALSE, TRUE, sizeof (RkImportIssue));
  g_array_set_clear_func (self->issues, issue_clear);
  self->changed_ids = g_ptr_array_new_with_free_func (g_free);
}

/**
 * rk_import_new:
 * @kind: what the files hold
 *
 * Returns: (transfer full): an import, to read a file into
 */
RkImport *
rk_import_new (RkCsvKind kind)
{
  RkImport *self = g_object_new (RK_TYPE_IMPORT, NULL);
  g_autoptr(GString) sql = g_string_new ("SELECT id");

  self->kind = kind;
  self->columns = rk_csv_columns (kind, &self->n_columns);
  g_assert (self->n_columns <= MAX_DB_COLUMNS);
  self->cell_of = g_new (int, self->n_columns);
  self->headings = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    {
      self->cell_of[i] = -1;
      self->db_of[i] = G_MAXUINT;
      if (self->columns[i].db_column != NULL)
        {
          g_assert (self->n_db < MAX_DB_COLUMNS);
          self->db_of[i] = self->n_db;
          self->spec_of[self->n_db] = i;
          self->db_columns[self->n_db++] = self->columns[i].db_column;
          g_string_append_printf (sql, ", %s", self->columns[i].db_column);
        }
    }
  g_string_append_printf (sql, " FROM %s WHERE %s = ?", rk_csv_kind_table (kind),
                          self->columns[0].db_column);
  self->select_sql = g_string_free (g_steal_pointer (&sql), FALSE);

  return self;
}

RkCsvKind
rk_import_get_kind (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), 0);

  return self->kind;
}

static void
add_issue (RkImport   *self,
           guint       line,
           guint       column,
           const char *heading,
           const char *message,
           gboolean    is_error)
{
  RkImportIssue issue = { line, column, g_strdup (heading), g_strdup (message), is_error };

  g_array_append_val (self->issues, issue);
  if (is_error)
    {
      self->n_errors++;
      g_atomic_int_set (&self->any_error, TRUE);
    }
}

static void
set_progress (RkImport *self,
              guint     thousandths)
{
  g_atomic_int_set (&self->progress, thousandths);
}

/* Reading */

static const char *
heading_in (RkImport          *self,
            const RkCsvColumn *column)
{
  return rk_csv_column_heading (column, self->language);
}

static const char *
heading_other (RkImport          *self,
               const RkCsvColumn *column)
{
  return rk_csv_column_heading (column, self->language == RK_CSV_FORMAT_DE
                                        ? RK_CSV_FORMAT_EN : RK_CSV_FORMAT_DE);
}

/* Finds the file's columns by their headings and says which language the
 * headings speak; headings the app does not know are noted and left out. */
static gboolean
map_columns (RkImport  *self,
             GError   **error)
{
  RkCsvTable *table = self->table;
  guint n_cells = rk_csv_table_get_n_cells (table, 0);
  guint line = rk_csv_table_get_line (table, 0);
  int german = 0, english = 0;
  guint n_column_errors = 0;

  for (guint c = 0; c < n_cells; c++)
    {
      g_autofree char *heading = g_strstrip (g_strdup (rk_csv_unprotect (rk_csv_table_get_cell (table, 0, c))));
      g_autofree char *normal = rk_csv_normalise (heading);
      gboolean found = FALSE;

      if (!rk_csv_table_cell_is_valid (table, 0, c))
        {
          add_issue (self, rk_csv_table_get_cell_line (table, 0, c), c + 1, NULL,
                     _("The heading is not valid text."), TRUE);
          n_column_errors++;
          continue;
        }

      if (*heading == '\0')
        {
          add_issue (self, line, c + 1, NULL,
                     _("The column has no heading and is ignored."), FALSE);
          continue;
        }

      for (guint i = 0; !found && i < self->n_columns; i++)
        {
          const RkCsvColumn *column = &self->columns[i];
          g_autofree char *key = rk_csv_normalise (column->key);
          g_autofree char *de = rk_csv_normalise (column->header_de);
          g_autofree char *alias = column->alias != NULL ? rk_csv_normalise (column->alias) : NULL;

          if (!g_str_equal (normal, key) && !g_str_equal (normal, de) &&
              g_strcmp0 (normal, alias) != 0)
            continue;

          found = TRUE;
          if (self->cell_of[i] >= 0)
            {
              g_autofree char *message =
                g_strdup_printf (_("The column “%s” appears twice, also in column %d."),
                                 heading, self->cell_of[i] + 1);
              add_issue (self, line, c + 1, heading, message, TRUE);
              n_column_errors++;
              continue;
            }

          self->cell_of[i] = c;
          self->headings[i] = g_strdup (heading);
          if (!g_str_equal (key, de))
            {
              german += g_str_equal (normal, de);
              english += !g_str_equal (normal, de);
            }
        }

      if (!found)
        {
          g_autofree char *message =
            g_strdup_printf (_("The column “%s” is not known and is ignored."), heading);
          add_issue (self, line, c + 1, heading, message, FALSE);
        }
    }

  /* Headings such as “Status” read the same in both languages; then the
   * delimiter tells, as German Excel writes semicolons. */
  if (german != english)
    self->language = german > english ? RK_CSV_FORMAT_DE : RK_CSV_FORMAT_EN;
  else
    self->language = rk_csv_table_get_delimiter (table) == ';' ? RK_CSV_FORMAT_DE : RK_CSV_FORMAT_EN;

  for (guint i = 0; i < self->n_columns; i++)
    {
      const RkCsvColumn *column = &self->columns[i];
      gboolean required = column->type == RK_CSV_VALUE_KEY ||
                          column->type == RK_CSV_VALUE_REQUIRED_TEXT;
      g_autofree char *message = NULL;

      if (!required || self->cell_of[i] >= 0)
        continue;

      message = self->kind == RK_CSV_KIND_PROJECTS
        ? g_strdup_printf (_("The column “%s” (“%s”) is missing; every project file needs it."),
                           heading_in (self, column), heading_other (self, column))
        : g_strdup_printf (_("The column “%s” (“%s”) is missing; every organisation file needs it."),
                           heading_in (self, column), heading_other (self, column));
      add_issue (self, line, 0, NULL, message, TRUE);
      n_column_errors++;
    }

  if (n_column_errors > 0)
    {
      const RkImportIssue *first = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; first == NULL && i < self->issues->len; i++)
        if (g_array_index (self->issues, RkImportIssue, i).is_error)
          first = &g_array_index (self->issues, RkImportIssue, i);

      g_assert (first != NULL);
      text = rk_import_issue_to_string (self, first);
      g_set_error_literal (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_COLUMNS, text);
      return FALSE;
    }

  return TRUE;
}

/**
 * rk_import_read_data:
 * @data: the file's bytes
 * @display_name: the file's name, for messages
 *
 * Decodes the file and finds its columns. A file that cannot be read
 * (not text, a quotation mark that is never closed) or lacks a required
 * column is refused; the issues then say where.
 */
gboolean
rk_import_read_data (RkImport    *self,
                     const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  guint line = 0, column = 0;

  g_return_val_if_fail (RK_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->table == NULL && self->issues->len == 0, FALSE);

  self->display_name = g_strdup (display_name);
  self->table = rk_csv_table_parse (data, length, &line, &column, &local_error);
  if (self->table == NULL)
    {
      g_autofree char *text = NULL;

      add_issue (self, line, column, NULL, local_error->message, TRUE);
      text = rk_import_issue_to_string (self, &g_array_index (self->issues, RkImportIssue, 0));
      g_set_error_literal (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_UNREADABLE, text);
      self->n_read_issues = self->issues->len;
      return FALSE;
    }

  self->read_ok = map_columns (self, error);
  self->n_read_issues = self->issues->len;
  return self->read_ok;
}

/**
 * rk_import_read_file:
 *
 * As rk_import_read_data(), from a file.
 */
gboolean
rk_import_read_file (RkImport      *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (RK_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *message = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      message = g_strdup_printf (_("The file “%s” could not be read: %s."), parse_name, local_error->message);
      self->display_name = g_strdup (name);
      add_issue (self, 0, 0, NULL, message, TRUE);
      self->n_read_issues = self->issues->len;
      g_set_error_literal (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_UNREADABLE, message);
      return FALSE;
    }

  return rk_import_read_data (self, contents, length, name, error);
}

/* Planning */

static Plan *
plan_new (RkImport    *self,
          RkDatabase  *db,
          GError     **error)
{
  g_autoptr(Plan) plan = g_new0 (Plan, 1);
  g_autoptr(RkStatement) stmt = NULL;
  int rc;

  plan->chunk = g_string_chunk_new (64 * 1024);
  /* Room for a change per record: the array never moves, so a writer can
   * read the changes planned so far while more are added. */
  plan->changes = g_array_sized_new (FALSE, TRUE, sizeof (Change), rk_csv_table_get_n_records (self->table));
  g_array_set_clear_func (plan->changes, change_clear);
  plan->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->municipalities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stored_free);
  plan->seen = g_hash_table_new (g_str_hash, g_str_equal);
  plan->probe = rk_organisation_new ();

  if (self->kind == RK_CSV_KIND_PROJECTS &&
      sqlite3_prepare_v2 (rk_database_get_handle (db), self->select_sql, -1, &plan->select, NULL) != SQLITE_OK)
    {
      rk_database_set_error (db, error, _("Preparing a query"));
      return NULL;
    }

  stmt = rk_database_prepare (db, "SELECT id, position, name_de, name_en FROM field", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      g_hash_table_insert (plan->fields, g_strdup_printf ("%d", sqlite3_column_int (stmt, 1)), g_strdup (id));
      g_hash_table_insert (plan->fields, rk_csv_normalise ((const char *) sqlite3_column_text (stmt, 2)), g_strdup (id));
      g_hash_table_insert (plan->fields, rk_csv_normalise ((const char *) sqlite3_column_text (stmt, 3)), g_strdup (id));
    }
  g_clear_pointer (&stmt, sqlite3_reset);

  stmt = rk_database_prepare (db, "SELECT id, name FROM municipality", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (plan->municipalities,
                         rk_csv_normalise ((const char *) sqlite3_column_text (stmt, 1)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, sqlite3_reset);

  if (self->kind != RK_CSV_KIND_ORGANISATIONS)
    return g_steal_pointer (&plan);

  /* Organisations are matched by name with case and spacing set aside,
   * which SQL cannot look up: they are read once, into a table by name. */
  {
    g_autofree char *sql = g_strndup (self->select_sql, strstr (self->select_sql, " WHERE") - self->select_sql);

    stmt = rk_database_prepare (db, sql, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        char *name = rk_csv_normalise ((const char *) sqlite3_column_text (stmt, 1));
        Stored *stored = g_hash_table_lookup (plan->stored, name);

        if (stored != NULL)
          {
            stored->n_same_name++;
            g_free (name);
            continue;
          }

        stored = g_new0 (Stored, 1);
        stored->id = g_string_chunk_insert (plan->chunk, (const char *) sqlite3_column_text (stmt, 0));
        stored->values = g_new0 (const char *, self->n_db);
        for (guint i = 0; i < self->n_db; i++)
          {
            const char *value = (const char *) sqlite3_column_text (stmt, i + 1);

            stored->values[i] = value != NULL ? g_string_chunk_insert (plan->chunk, value) : NULL;
          }
        stored->n_same_name = 1;
        g_hash_table_insert (plan->stored, name, stored);
      }

    if (rc != SQLITE_DONE)
      {
        rk_database_set_error (db, error, _("Reading the partner organisations"));
        return NULL;
      }
  }

  return g_steal_pointer (&plan);
}

/* @text without white space around it; @text itself when it has none. */
static const char *
trimmed (Plan       *plan,
         const char *text)
{
  gsize len = strlen (text);
  g_autofree char *copy = NULL;

  if (len == 0 || (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1])))
    return text;

  copy = g_strstrip (g_strdup (text));
  return g_string_chunk_insert_const (plan->chunk, copy);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The municipalities a cell names, as sorted keys without repeats. */
static GPtrArray *
parse_municipalities (Plan        *plan,
                      const char  *text,
                      char       **out_unknown)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_auto(GStrv) names = g_strsplit_set (text, ",;\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *normal = rk_csv_normalise (names[i]);
      const char *key;

      if (*normal == '\0')
        continue;

      key = g_hash_table_lookup (plan->municipalities, normal);
      if (key == NULL)
        {
          *out_unknown = g_strstrip (g_strdup (names[i]));
          return NULL;
        }
      if (!g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
        g_ptr_array_add (keys, (gpointer) key);
    }

  g_ptr_array_sort (keys, compare_keys);
  return g_steal_pointer (&keys);
}

static void
remember (Plan       *plan,
          guint       spec,
          const char *text,
          const char *value)
{
  if (plan->memo[spec] == NULL)
    plan->memo[spec] = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (plan->memo[spec], g_string_chunk_insert_const (plan->chunk, text), (gpointer) value);
}

static void
cell_error (RkImport   *self,
            guint       record,
            guint       spec,
            const char *message)
{
  int cell = self->cell_of[spec];

  add_issue (self, rk_csv_table_get_cell_line (self->table, record, cell), cell + 1,
             self->headings[spec], message, TRUE);
}

/* Turns the cell of file column @spec into what the table stores.
 * Returns FALSE after noting an error. Sets *out_keep for an empty cell of
 * an attribute that always has a value. */
static gboolean
parse_cell (RkImport     *self,
            Plan         *plan,
            guint         record,
            guint         spec,
            const char  **out_value,
            GPtrArray   **out_municipalities,
            gboolean     *out_keep)
{
  const RkCsvColumn *column = &self->columns[spec];
  const char *raw = rk_csv_unprotect (rk_csv_table_get_cell (self->table, record, self->cell_of[spec]));
  const char *text = column->type == RK_CSV_VALUE_TEXT ? raw : trimmed (plan, raw);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  *out_keep = FALSE;

  if (!rk_csv_table_cell_is_valid (self->table, record, self->cell_of[spec]))
    {
      cell_error (self, record, spec,
                  rk_csv_table_get_encoding (self->table) == RK_CSV_ENCODING_WINDOWS_1252
                  ? _("The cell holds a byte that is no character in Windows-1252.")
                  : _("The cell is not valid UTF-8 text."));
      return FALSE;
    }

  /* A column of labels holds few different ones: each is read once. */
  if (plan->memo[spec] != NULL && *text != '\0' &&
      g_hash_table_lookup_extended (plan->memo[spec], text, NULL, (gpointer *) out_value))
    return TRUE;

  switch (column->type)
    {
    case RK_CSV_VALUE_KEY:
    case RK_CSV_VALUE_REQUIRED_TEXT:
      if (*text == '\0')
        {
          cell_error (self, record, spec,
                      column->type == RK_CSV_VALUE_REQUIRED_TEXT
                      ? _("A project needs a title.")
                      : self->kind == RK_CSV_KIND_PROJECTS
                      ? _("A project needs a code: the import finds projects by their code.")
                      : _("An organisation needs a name."));
          return FALSE;
        }
      *out_value = text;
      return TRUE;

    case RK_CSV_VALUE_SHORT_TEXT:
    case RK_CSV_VALUE_TEXT:
      *out_value = text;
      return TRUE;

    case RK_CSV_VALUE_FIELD:
      if (*text == '\0')
        *out_value = NULL;
      else
        {
          g_autofree char *normal = rk_csv_normalise (text);
          const char *key = g_hash_table_lookup (plan->fields, normal);

          if (key == NULL)
            {
              message = g_strdup_printf (_("“%s” is not a field of action: give its number, 1 to 5, or its name."), text);
              cell_error (self, record, spec, message);
              return FALSE;
            }
          *out_value = key;
          remember (plan, spec, text, key);
        }
      return TRUE;

    case RK_CSV_VALUE_PILLAR:
    case RK_CSV_VALUE_STATUS:
    case RK_CSV_VALUE_KIND:
      {
        int value;

        if (*text == '\0')
          {
            *out_keep = TRUE;
            return TRUE;
          }
        if (!rk_csv_match_term (column->type, text, &value))
          {
            message = g_strdup_printf (column->type == RK_CSV_VALUE_PILLAR ? _("“%s” is not a pillar.")
                                       : column->type == RK_CSV_VALUE_STATUS ? _("“%s” is not a status.")
                                       : _("“%s” is not a kind of organisation."),
                                       text);
            cell_error (self, record, spec, message);
            return FALSE;
          }
        *out_value = rk_csv_term_text (column->type, value, RK_CSV_FORMAT_EN);
        remember (plan, spec, text, *out_value);
      }
      return TRUE;

    case RK_CSV_VALUE_MONEY:
      {
        gint64 cents;
        char digits[32];

        if (*text == '\0')
          {
            *out_value = NULL;
            return TRUE;
          }
        if (!rk_csv_parse_money (text, self->language == RK_CSV_FORMAT_DE, &cents, &error))
          {
            cell_error (self, record, spec, error->message);
            return FALSE;
          }
        g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, cents);
        *out_value = g_string_chunk_insert_const (plan->chunk, digits);
      }
      return TRUE;

    case RK_CSV_VALUE_DATE:
      {
        g_autofree char *iso = NULL;

        if (*text == '\0')
          {
            *out_value = NULL;
            return TRUE;
          }
        if (!rk_parse_date (text, &iso, &error))
          {
            cell_error (self, record, spec, error->message);
            return FALSE;
          }
        *out_value = g_string_chunk_insert_const (plan->chunk, iso);
      }
      return TRUE;

    case RK_CSV_VALUE_MUNICIPALITY:
      if (*text == '\0')
        *out_value = NULL;
      else
        {
          g_autofree char *normal = rk_csv_normalise (text);
          const char *key = g_hash_table_lookup (plan->municipalities, normal);

          if (key == NULL)
            {
              message = g_strdup_printf (_("“%s” is not one of the 53 municipalities of the Ruhr region."), text);
              cell_error (self, record, spec, message);
              return FALSE;
            }
          *out_value = key;
          remember (plan, spec, text, key);
        }
      return TRUE;

    case RK_CSV_VALUE_MUNICIPALITIES:
      {
        g_autofree char *unknown = NULL;

        *out_municipalities = parse_municipalities (plan, text, &unknown);
        if (*out_municipalities == NULL)
          {
            message = g_strdup_printf (_("“%s” is not one of the 53 municipalities of the Ruhr region."), unknown);
            cell_error (self, record, spec, message);
            return FALSE;
          }
      }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static guint
spec_of_db (RkImport   *self,
            const char *db_column)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (g_strcmp0 (self->columns[i].db_column, db_column) == 0)
      return i;

  g_assert_not_reached ();
}

/* Notes an error of the record's final values at the cell that holds the
 * value, or at the line when the file does not have that column. */
static void
value_error (RkImport   *self,
             guint       record,
             const char *db_column,
             const char *message)
{
  guint spec = spec_of_db (self, db_column);

  if (self->cell_of[spec] >= 0)
    cell_error (self, record, spec, message);
  else
    add_issue (self, rk_csv_table_get_line (self->table, record), 0, NULL, message, TRUE);
}

static gboolean
check_values (RkImport     *self,
              Plan         *plan,
              guint         record,
              const char  **values)
{
  g_autoptr(GError) error = NULL;

  if (self->kind == RK_CSV_KIND_PROJECTS)
    {
      guint start = self->db_of[spec_of_db (self, "start_date")];
      guint end = self->db_of[spec_of_db (self, "end_date")];

      if (values[start] != NULL && values[end] != NULL && strcmp (values[end], values[start]) < 0)
        {
          value_error (self, record, self->cell_of[spec_of_db (self, "end_date")] >= 0 ? "end_date" : "start_date",
                       _("The end date lies before the start date."));
          return FALSE;
        }
      return TRUE;
    }

  /* The model's own rule for e-mail and web addresses. */
  g_object_set (plan->probe,
                "name", values[self->db_of[spec_of_db (self, "name")]],
                "email", values[self->db_of[spec_of_db (self, "email")]],
                "website", values[self->db_of[spec_of_db (self, "website")]],
                NULL);
  if (!rk_organisation_validate (plan->probe, &error))
    {
      value_error (self, record,
                   g_error_matches (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_INVALID_EMAIL)
                   ? "email" : g_error_matches (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_INVALID_WEBSITE)
                   ? "website" : "name",
                   error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
same_keys (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

static GPtrArray *
stored_municipalities (RkDatabase  *db,
                       Plan        *plan,
                       const char  *project_id,
                       GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  int rc;

  stmt = rk_database_prepare (db, "SELECT municipality_id FROM project_municipality"
                                  " WHERE project_id = ? ORDER BY municipality_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, project_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (keys, g_string_chunk_insert_const (plan->chunk, (const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the municipalities of a project"));
      return NULL;
    }

  /* Sorted as parse_municipalities() sorts, whatever SQLite's collation. */
  g_ptr_array_sort (keys, compare_keys);
  return g_steal_pointer (&keys);
}

/* Plans one record: notes its errors, or counts it and, when it changes
 * something, adds it to the plan's changes. FALSE only when the database
 * fails. */
static gboolean
plan_record (RkImport    *self,
             RkDatabase  *db,
             Plan        *plan,
             guint        record,
             GError     **error)
{
  RkCsvTable *table = self->table;
  guint line = rk_csv_table_get_line (table, record);
  guint n_cells = rk_csv_table_get_n_cells (table, record);
  guint n_header = rk_csv_table_get_n_cells (table, 0);
  guint n_errors = self->n_errors;
  const char *parsed[MAX_DB_COLUMNS] = { NULL };
  gboolean present[MAX_DB_COLUMNS] = { FALSE };
  const char *final[MAX_DB_COLUMNS] = { NULL };
  g_autoptr(GPtrArray) municipalities = NULL;
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *match_key = NULL;
  const char *stored_id = NULL;
  const char **stored_values = NULL;
  gboolean changed, municipalities_changed = FALSE;
  gpointer first_line;

  if (n_cells != n_header)
    {
      gboolean extra_content = FALSE;

      for (guint c = n_header; c < n_cells; c++)
        extra_content = extra_content || *rk_csv_table_get_cell (table, record, c) != '\0';

      /* Empty cells after the last column, as some programs add them, do
       * no harm. */
      if (n_cells < n_header || extra_content)
        {
          g_autofree char *message =
            g_strdup_printf (ngettext ("The line has %u cell, but the header line has %u.",
                                       "The line has %u cells, but the header line has %u.",
                                       n_cells),
                             n_cells, n_header);
          add_issue (self, line, 0, NULL, message, TRUE);
          return TRUE;
        }
    }

  for (guint i = 0; i < self->n_columns; i++)
    {
      gboolean keep = FALSE;
      const char *value = NULL;

      if (self->cell_of[i] < 0)
        continue;

      if (!parse_cell (self, plan, record, i, &value,
                       self->columns[i].type == RK_CSV_VALUE_MUNICIPALITIES ? &municipalities : NULL,
                       &keep))
        continue;

      if (self->db_of[i] != G_MAXUINT && !keep)
        {
          parsed[self->db_of[i]] = value;
          present[self->db_of[i]] = TRUE;
        }
    }

  if (self->n_errors > n_errors)
    return TRUE;

  /* The same record twice would be written twice: the file must say
   * which of the two it means. */
  match_key = self->kind == RK_CSV_KIND_PROJECTS ? g_strdup (parsed[0]) : rk_csv_normalise (parsed[0]);
  first_line = g_hash_table_lookup (plan->seen, match_key);
  if (first_line != NULL)
    {
      g_autofree char *message =
        self->kind == RK_CSV_KIND_PROJECTS
        ? g_strdup_printf (_("The code “%s” appears on line %u already."), parsed[0], GPOINTER_TO_UINT (first_line))
        : g_strdup_printf (_("The name “%s” appears on line %u already."), parsed[0], GPOINTER_TO_UINT (first_line));

      cell_error (self, record, 0, message);
      return TRUE;
    }
  g_hash_table_insert (plan->seen, g_string_chunk_insert_const (plan->chunk, match_key),
                       GUINT_TO_POINTER (line));

  /* The stored record, if there is one. */
  if (self->kind == RK_CSV_KIND_PROJECTS)
    {
      /* Prepared once for the whole file; reset when this function ends. */
      stmt = plan->select;
      sqlite3_bind_text (stmt, 1, parsed[0], -1, SQLITE_TRANSIENT);
      switch (sqlite3_step (stmt))
        {
        case SQLITE_ROW:
          stored_id = (const char *) sqlite3_column_text (stmt, 0);
          stored_values = g_newa (const char *, self->n_db);
          for (guint i = 0; i < self->n_db; i++)
            stored_values[i] = (const char *) sqlite3_column_text (stmt, i + 1);
          break;

        case SQLITE_DONE:
          break;

        default:
          rk_database_set_error (db, error, _("Looking up a project by its code"));
          return FALSE;
        }
    }
  else
    {
      Stored *stored = g_hash_table_lookup (plan->stored, match_key);

      if (stored != NULL && stored->n_same_name > 1)
        {
          g_autofree char *message =
            g_strdup_printf (_("%u organisations in the database are named “%s”: merge them before importing."),
                             stored->n_same_name, parsed[0]);
          cell_error (self, record, 0, message);
          return TRUE;
        }
      if (stored != NULL)
        {
          stored_id = stored->id;
          stored_values = stored->values;
        }
    }

  for (guint i = 0; i < self->n_db; i++)
    {
      const RkCsvColumn *column = &self->columns[self->spec_of[i]];

      if (present[i])
        final[i] = parsed[i];
      else
        final[i] = stored_values != NULL ? stored_values[i] : column->default_value;
    }

  if (!check_values (self, plan, record, final))
    return TRUE;

  if (municipalities != NULL)
    {
      if (stored_id != NULL)
        {
          g_autoptr(GPtrArray) before = stored_municipalities (db, plan, stored_id, error);

          if (before == NULL)
            return FALSE;
          municipalities_changed = !same_keys (before, municipalities);
        }
      else
        municipalities_changed = municipalities->len > 0;
    }

  changed = stored_id == NULL || municipalities_changed;
  for (guint i = 0; !changed && i < self->n_db; i++)
    changed = g_strcmp0 (final[i], stored_values[i]) != 0;

  if (stored_id == NULL)
    self->n_new++;
  else if (changed)
    self->n_updated++;
  else
    self->n_unchanged++;

  if (changed)
    {
      Change change = { record, NULL, NULL, NULL, municipalities_changed };

      /* Values read from a statement live only until it moves on. */
      change.values = g_new (const char *, self->n_db);
      for (guint i = 0; i < self->n_db; i++)
        change.values[i] = final[i] != NULL && !present[i] && stored_values != NULL &&
                           self->kind == RK_CSV_KIND_PROJECTS
                           ? g_string_chunk_insert (plan->chunk, final[i]) : final[i];
      change.id = g_strdup (stored_id);
      change.municipalities = g_steal_pointer (&municipalities);
      g_array_append_val (plan->changes, change);
    }

  return TRUE;
}

/* Plans every record into @plan; the database must not change meanwhile
 * (a read or write transaction is open). With @ready, hands over the
 * number of changes planned so far, plus one, after every thousand
 * records and at the end. Progress goes from 0 to @progress_end. */
static gboolean
plan_all (RkImport      *self,
          RkDatabase    *db,
          Plan          *plan,
          GAsyncQueue   *ready,
          guint          progress_end,
          GCancellable  *cancellable,
          GError       **error)
{
  guint n_records = rk_csv_table_get_n_records (self->table);

  for (guint record = 1; record < n_records; record++)
    {
      if (!plan_record (self, db, plan, record, error))
        return FALSE;

      if (record % 1000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          set_progress (self, (guint) ((guint64) record * progress_end / n_records));
          if (ready != NULL)
            g_async_queue_push (ready, GUINT_TO_POINTER (plan->changes->len + 1));
        }
    }

  set_progress (self, progress_end);
  if (ready != NULL)
    g_async_queue_push (ready, GUINT_TO_POINTER (plan->changes->len + 1));
  return TRUE;
}

/* Forgets the counts and issues of an earlier plan. */
static void
reset_plan (RkImport *self)
{
  g_array_set_size (self->issues, self->n_read_issues);
  self->n_errors = 0;
  for (guint i = 0; i < self->issues->len; i++)
    self->n_errors += g_array_index (self->issues, RkImportIssue, i).is_error;
  g_atomic_int_set (&self->any_error, self->n_errors > 0);
  self->n_new = self->n_updated = self->n_unchanged = 0;
  g_ptr_array_set_size (self->changed_ids, 0);
}

/**
 * rk_import_plan:
 *
 * Works out, without writing anything, what an import would do: how many
 * records are new, updated and unchanged, and every error with its line
 * and column (rk_import_get_issue()).
 *
 * Returns: %FALSE only when the database could not be read or @cancellable
 *   was cancelled; errors of the file are issues, not a #GError
 */
gboolean
rk_import_plan (RkImport      *self,
                RkDatabase    *db,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(Plan) plan = NULL;
  gboolean ok;

  g_return_val_if_fail (RK_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->read_ok, FALSE);

  /* One read transaction: the counts describe one state of the data. */
  reset_plan (self);
  if (!rk_database_exec (db, "BEGIN", error))
    return FALSE;
  plan = plan_new (self, db, error);
  ok = plan != NULL && plan_all (self, db, plan, NULL, PLANNED, cancellable, error);
  sqlite3_exec (rk_database_get_handle (db), "COMMIT", NULL, NULL, NULL);

  return ok;
}

/* Applying */

typedef struct
{
  RkImport     *self;
  GCancellable *cancellable;
} Watch;

/* Called by SQLite while a long statement runs: moves the progress on
 * towards its end and stops the statement when the user cancelled. */
static int
watch_cb (gpointer data)
{
  Watch *watch = data;
  int now = g_atomic_int_get (&watch->self->progress);

  g_atomic_int_set (&watch->self->progress, now + MAX (1, (WRITTEN - now) / 100));
  return g_cancellable_is_cancelled (watch->cancellable);
}

/* Runs @select followed by @table, a query of two numbers. */
static gboolean
query_table (RkDatabase  *db,
             const char  *select,
             const char  *table,
             gint64      *out_first,
             gint64      *out_second,
             GError     **error)
{
  g_autofree char *sql = g_strconcat (select, table, NULL);
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rk_database_set_error (db, error, _("Counting the records"));
      return FALSE;
    }
  *out_first = sqlite3_column_int64 (stmt, 0);
  *out_second = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* Runs each index's DROP INDEX (@create FALSE) or CREATE INDEX. */
static gboolean
run_indexes (RkDatabase          *db,
             const RkSchemaIndex *indexes,
             gboolean             create,
             GError             **error)
{
  for (const RkSchemaIndex *index = indexes; index->name != NULL; index++)
    {
      g_autofree char *drop = g_strconcat ("DROP INDEX main.", index->name, NULL);

      if (!rk_database_exec (db, create ? index->sql : drop, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
prepare (RkDatabase    *db,
         const char    *sql,
         sqlite3_stmt **out_stmt,
         GError       **error)
{
  if (sqlite3_prepare_v2 (rk_database_get_handle (db), sql, -1, out_stmt, NULL) != SQLITE_OK)
    {
      rk_database_set_error (db, error, _("Preparing a query"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
step_and_reset (RkDatabase    *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Writing to the database"));
      return FALSE;
    }

  return TRUE;
}

/* Writes the planned changes, one at a time as planning hands them over.
 *
 * New records go in with one prepared INSERT each, with triggers off:
 * writer_finish() then adds them to the search index in one statement,
 * which spares the index a flush after every row. Updated records are
 * staged in a table in memory and written with one UPDATE, the projects'
 * municipalities likewise. When the file brings at least as many records
 * as the table holds, its list indexes are dropped first and built afresh
 * from all rows at the end, several times faster than growing them row by
 * row. All of it happens in the import's transaction, so a failure leaves
 * everything as it was.
 *
 * The table and column names are identifiers from the column tables,
 * never input; every value is bound. */
typedef struct
{
  RkImport            *self;
  RkDatabase          *db;
  gboolean             open;         /* the statements below, triggers off */
  const char          *now;
  const RkSchemaIndex *indexes;
  gboolean             rebuild;
  gint64               last_rowid;   /* the table's before the import */
  sqlite3_stmt        *inserts;
  sqlite3_stmt        *updates;
  sqlite3_stmt        *owners;
  sqlite3_stmt        *links;        /* staged, of updated projects */
  sqlite3_stmt        *new_links;    /* of new projects, written at once */
} Writer;

static void
writer_close (Writer *writer)
{
  if (!writer->open)
    return;

  g_clear_pointer (&writer->inserts, sqlite3_finalize);
  g_clear_pointer (&writer->updates, sqlite3_finalize);
  g_clear_pointer (&writer->owners, sqlite3_finalize);
  g_clear_pointer (&writer->links, sqlite3_finalize);
  g_clear_pointer (&writer->new_links, sqlite3_finalize);
  rk_schema_note_new_rows (rk_database_get_handle (writer->db),
                           rk_csv_kind_table (writer->self->kind), TRUE, NULL);
  writer->open = FALSE;
}

static gboolean
writer_open (Writer      *writer,
             RkImport    *self,
             RkDatabase  *db,
             const char  *now,
             guint        n_records,
             GError     **error)
{
  const char *table = rk_csv_kind_table (self->kind);
  g_autoptr(GString) create = g_string_new ("CREATE TEMP TABLE rk_import_rows (id TEXT NOT NULL");
  g_autoptr(GString) stage = g_string_new ("INSERT INTO temp.rk_import_rows VALUES (?1");
  g_autoptr(GString) insert = g_string_new ("INSERT INTO main.");
  g_autoptr(GString) values = g_string_new (") VALUES (?1, ?2, ?2");
  gint64 n_stored = 0;

  *writer = (Writer) { self, db, TRUE, now, rk_schema_get_indexes (table), FALSE, 0, NULL, NULL, NULL, NULL, NULL };

  g_string_append (insert, table);
  g_string_append (insert, " (id, created_at, updated_at");
  for (guint i = 0; i < self->n_db; i++)
    {
      g_string_append (create, ", ");
      g_string_append (create, self->db_columns[i]);
      g_string_append (stage, ", ?");
      g_string_append (insert, ", ");
      g_string_append (insert, self->db_columns[i]);
      g_string_append (values, ", ?");
    }
  g_string_append (create, ")");
  g_string_append (stage, ")");
  g_string_append (insert, values->str);
  g_string_append (insert, ")");

  /* New rows go into the search index all at once in writer_finish(). */
  if (!rk_schema_note_new_rows (rk_database_get_handle (db), table, FALSE, error))
    return FALSE;

  if (!query_table (db, "SELECT count(*), max(rowid) FROM main.", table, &n_stored, &writer->last_rowid, error))
    return FALSE;
  writer->rebuild = n_records >= REBUILD_INDEXES_MIN && n_records >= n_stored;

  return (!writer->rebuild || run_indexes (db, writer->indexes, FALSE, error)) &&
         rk_database_exec (db, "DROP TABLE IF EXISTS temp.rk_import_rows;"
                               "DROP TABLE IF EXISTS temp.rk_import_owners;"
                               "DROP TABLE IF EXISTS temp.rk_import_links;"
                               "CREATE TEMP TABLE rk_import_owners (project_id TEXT PRIMARY KEY NOT NULL);"
                               "CREATE TEMP TABLE rk_import_links"
                               " (id TEXT NOT NULL, project_id TEXT NOT NULL, municipality_id TEXT NOT NULL);",
                           error) &&
         rk_database_exec (db, create->str, error) &&
         prepare (db, insert->str, &writer->inserts, error) &&
         prepare (db, stage->str, &writer->updates, error) &&
         prepare (db, "INSERT INTO temp.rk_import_owners VALUES (?)", &writer->owners, error) &&
         prepare (db, "INSERT INTO temp.rk_import_links VALUES (?, ?, ?)", &writer->links, error) &&
         (self->kind != RK_CSV_KIND_PROJECTS ||
          prepare (db, "INSERT INTO main.project_municipality"
                       " (id, project_id, municipality_id, created_at, updated_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?4)", &writer->new_links, error));
}

static gboolean
writer_write (Writer   *writer,
              Change   *change,
              GError  **error)
{
  RkImport *self = writer->self;
  RkDatabase *db = writer->db;
  gboolean is_new = change->id == NULL;
  sqlite3_stmt *row = is_new ? writer->inserts : writer->updates;

  if (is_new)
    change->id = rk_new_key ();
  g_ptr_array_add (self->changed_ids, g_strdup (change->id));

  sqlite3_bind_text (row, 1, change->id, -1, SQLITE_STATIC);
  if (is_new)
    sqlite3_bind_text (row, 2, writer->now, -1, SQLITE_STATIC);
  /* The values follow the key, and for a new record its time: an
   * unnumbered parameter comes after the greatest one before it. */
  for (guint i = 0; i < self->n_db; i++)
    sqlite3_bind_text (row, i + (is_new ? 3 : 2), change->values[i], -1, SQLITE_STATIC);
  if (!step_and_reset (db, row, error))
    return FALSE;

  if (!change->municipalities_changed)
    return TRUE;

  /* A new project's links go in at once; an updated project's are staged
   * for writer_finish(), which keeps those that stay. */
  if (!is_new)
    {
      sqlite3_bind_text (writer->owners, 1, change->id, -1, SQLITE_STATIC);
      if (!step_and_reset (db, writer->owners, error))
        return FALSE;
    }
  else
    sqlite3_bind_text (writer->new_links, 4, writer->now, -1, SQLITE_STATIC);

  for (guint m = 0; m < change->municipalities->len; m++)
    {
      g_autofree char *key = rk_new_key ();
      sqlite3_stmt *links = is_new ? writer->new_links : writer->links;

      sqlite3_bind_text (links, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (links, 2, change->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (links, 3, g_ptr_array_index (change->municipalities, m), -1, SQLITE_STATIC);
      if (!step_and_reset (db, links, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs a statement with one parameter, ?1: @text, or @number when @text
 * is %NULL. */
static gboolean
run_with (RkDatabase  *db,
          const char  *sql,
          const char  *text,
          gint64       number,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!prepare (db, sql, &stmt, error))
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  ok = step_and_reset (db, stmt, error);
  sqlite3_finalize (stmt);

  return ok;
}

/* After the last writer_write(): the statements that each work through
 * many rows at once. */
static gboolean
writer_finish (Writer   *writer,
               GError  **error)
{
  RkImport *self = writer->self;
  RkDatabase *db = writer->db;
  const char *table = rk_csv_kind_table (self->kind);
  g_autoptr(GString) update = g_string_new ("UPDATE main.");

  g_string_append (update, table);
  g_string_append (update, " SET updated_at = ?1");
  for (guint i = 0; i < self->n_db; i++)
    {
      g_string_append (update, ", ");
      g_string_append (update, self->db_columns[i]);
      g_string_append (update, " = i.");
      g_string_append (update, self->db_columns[i]);
    }
  g_string_append (update, " FROM temp.rk_import_rows AS i WHERE ");
  g_string_append (update, table);
  g_string_append (update, ".id = i.id");

  /* New rows are noted again; the updates below are noted throughout,
   * and the search index takes them at the commit. */
  writer_close (writer);

  if (self->n_new > 0)
    {
      if (!run_with (db, rk_schema_get_search_fill (table), NULL, writer->last_rowid, error))
        return FALSE;

      /* New rows follow the last rowid, unless the table once reached the
       * largest possible one; then SQLite picks free rowids at random. */
      if (sqlite3_changes (rk_database_get_handle (db)) != (int) self->n_new)
        {
          g_set_error_literal (error, RK_DATABASE_ERROR, SQLITE_INTERNAL,
                               _("The search index could not take up the imported records."));
          return FALSE;
        }
    }

  if (!run_with (db, update->str, writer->now, 0, error) ||
      (writer->rebuild && !run_indexes (db, writer->indexes, TRUE, error)))
    return FALSE;

  /* The municipalities of the projects whose list changed: links that
   * stay keep their key, the others go, new ones come. */
  if (self->kind == RK_CSV_KIND_PROJECTS &&
      (!rk_database_exec (db, "CREATE INDEX temp.rk_import_links_project"
                              " ON rk_import_links (project_id, municipality_id);"
                              "DELETE FROM main.project_municipality"
                              " WHERE project_id IN (SELECT project_id FROM temp.rk_import_owners)"
                              " AND NOT EXISTS (SELECT 1 FROM temp.rk_import_links l"
                              "  WHERE l.project_id = project_municipality.project_id"
                              "  AND l.municipality_id = project_municipality.municipality_id)",
                          error) ||
       !run_with (db, "INSERT INTO main.project_municipality"
                      " (id, project_id, municipality_id, created_at, updated_at)"
                      " SELECT id, project_id, municipality_id, ?1, ?1 FROM temp.rk_import_links WHERE true"
                      " ON CONFLICT (project_id, municipality_id) DO NOTHING",
                  writer->now, 0, error)))
    return FALSE;

  return rk_database_exec (db, "DROP TABLE temp.rk_import_rows;"
                               "DROP TABLE temp.rk_import_owners;"
                               "DROP TABLE temp.rk_import_links;",
                           error);
}

static void
set_invalid_error (RkImport  *self,
                   GError   **error)
{
  g_set_error (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_INVALID,
               ngettext ("The file “%s” has %u error; nothing was imported.",
                         "The file “%s” has %u errors; nothing was imported.",
                         self->n_errors),
               self->display_name, self->n_errors);
}

/* Reads a pragma that has a number as its value. */
static int
query_pragma (RkDatabase *db,
              const char *sql,
              int         fallback)
{
  sqlite3_stmt *stmt = NULL;
  int value = fallback;

  if (sqlite3_prepare_v2 (rk_database_get_handle (db), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Planning beside writing: a thread plans the records on a read-only
 * connection of its own and hands the changes over as they come, while
 * the import's connection writes them. The write transaction is open
 * before the planner starts reading, so both see the same records. */
typedef struct
{
  RkImport     *self;
  RkDatabase   *db;           /* the planner's own connection */
  GCancellable *cancellable;
  GAsyncQueue  *ready;        /* see plan_all(); PLANNER_DONE at the end */
  Plan         *plan;
  int           backups_kept;
  gboolean      ok;
  GError       *error;
} Planner;

#define PLANNER_DONE G_MAXUINT

static gpointer
planner_thread (gpointer data)
{
  Planner *planner = data;

  if (rk_database_exec (planner->db, "BEGIN", &planner->error))
    {
      planner->ok = plan_all (planner->self, planner->db, planner->plan, planner->ready,
                              RECORDS_WRITTEN, planner->cancellable, &planner->error);

      /* The backup comes from this connection's view, the records as
       * they were before the import, once it is clear that the import
       * will write: a file with an error leaves no trace at all. */
      if (planner->ok && planner->self->n_errors == 0 && planner->plan->changes->len > 0 &&
          planner->backups_kept > 0)
        planner->ok = rk_backup_create (planner->db, RK_BACKUP_REASON_IMPORT, planner->backups_kept,
                                        NULL, &planner->error);
      sqlite3_exec (rk_database_get_handle (planner->db), "COMMIT", NULL, NULL, NULL);
    }
  g_async_queue_push (planner->ready, GUINT_TO_POINTER (PLANNER_DONE));

  return NULL;
}

typedef struct
{
  Writer        writer;
  gboolean      ok;           /* FALSE after the first failure */
  guint         n_written;
  GCancellable *cancellable;
  GError       *error;
} Writing;

/* Writes the changes planned after the ones written, up to @n_ready.
 * After a failure, or once the file has an error, it writes nothing
 * more. */
static void
write_ready (RkImport   *self,
             RkDatabase *db,
             Plan       *plan,
             Writing    *w,
             guint       n_ready,
             const char *now)
{
  for (; w->ok && w->n_written < n_ready && !g_atomic_int_get (&self->any_error); w->n_written++)
    {
      if (w->n_written == 0)
        w->ok = writer_open (&w->writer, self, db, now, rk_csv_table_get_n_records (self->table) - 1, &w->error);

      w->ok = w->ok && writer_write (&w->writer, &g_array_index (plan->changes, Change, w->n_written), &w->error);

      if (w->ok && w->n_written % 1000 == 0)
        w->ok = !g_cancellable_set_error_if_cancelled (w->cancellable, &w->error);
    }
}

/* Plans and writes inside the transaction rk_import_apply() began; rolls
 * it back on any error, commits otherwise. */
static gboolean
apply_planned (RkImport      *self,
               RkDatabase    *db,
               int            backups_kept,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *now = rk_timestamp_now ();
  g_autoptr(Plan) plan = NULL;
  g_autoptr(RkDatabase) planner_db = NULL;
  g_autoptr(GAsyncQueue) ready = NULL;
  Planner planner = { self, NULL, cancellable, NULL, NULL, backups_kept, FALSE, NULL };
  Writing w = { { NULL }, TRUE, 0, cancellable, NULL };
  GThread *thread;
  sqlite3 *handle = rk_database_get_handle (db);
  Watch watch = { self, cancellable };
  int autocheckpoint;
  gboolean ok;

  reset_plan (self);
  planner_db = rk_database_open (rk_database_get_path (db), RK_DATABASE_OPEN_READ_ONLY, error);
  if (planner_db == NULL)
    goto failed;
  plan = plan_new (self, planner_db, error);
  if (plan == NULL)
    goto failed;

  ready = g_async_queue_new ();
  planner = (Planner) { self, planner_db, cancellable, ready, plan, backups_kept, FALSE, NULL };
  thread = g_thread_new ("rk-import-plan", planner_thread, &planner);
  for (;;)
    {
      guint n_ready = GPOINTER_TO_UINT (g_async_queue_pop (ready));

      if (n_ready == PLANNER_DONE)
        break;
      write_ready (self, db, plan, &w, n_ready - 1, now);
    }
  g_thread_join (thread);

  if (!planner.ok)
    {
      g_propagate_error (error, g_steal_pointer (&planner.error));
      goto failed;
    }

  if (self->n_errors > 0)
    {
      set_invalid_error (self, error);
      goto failed;
    }

  if (plan->changes->len == 0)
    {
      rk_database_rollback (db);
      set_progress (self, 1000);
      return TRUE;
    }

  if (!w.ok)
    {
      g_propagate_error (error, g_steal_pointer (&w.error));
      goto failed;
    }
  set_progress (self, RECORDS_WRITTEN);

  sqlite3_progress_handler (handle, 10000, watch_cb, &watch);
  ok = writer_finish (&w.writer, error);
  sqlite3_progress_handler (handle, 0, NULL, NULL);
  if (!ok)
    {
      /* An interrupted statement says so, not why. */
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (cancellable, error);
        }
      goto failed;
    }

  for (guint i = 0; i < self->changed_ids->len; i++)
    rk_database_note_change (db, rk_csv_kind_table (self->kind), g_ptr_array_index (self->changed_ids, i));
  if (self->kind == RK_CSV_KIND_PROJECTS)
    rk_database_note_change (db, "project_municipality", NULL);

  /* The commit makes the import whole; copying the written pages from
   * the write-ahead log into the database file (a checkpoint) can come
   * afterwards, and rk_import_apply_async() does it in its thread after
   * reporting. Readers see the new rows either way. */
  autocheckpoint = query_pragma (db, "PRAGMA wal_autocheckpoint", 1000);
  sqlite3_wal_autocheckpoint (handle, 0);
  ok = rk_database_commit (db, error);
  sqlite3_wal_autocheckpoint (handle, autocheckpoint);
  if (!ok)
    {
      g_ptr_array_set_size (self->changed_ids, 0);
      return FALSE;
    }

  set_progress (self, 1000);
  return TRUE;

failed:
  writer_close (&w.writer);
  g_clear_error (&planner.error);
  g_clear_error (&w.error);
  rk_database_rollback (db);
  g_ptr_array_set_size (self->changed_ids, 0);
  return FALSE;
}

/**
 * rk_import_apply:
 * @backups_kept: how many backups to keep; unless this is 0, the records
 *   as they were before the import are backed up when it writes anything
 *
 * Imports the file into @db in one transaction: it is planned again, on a
 * second connection in a thread of its own, while this one writes what is
 * planned; it is committed only when no row has an error. On any error, or
 * when @cancellable is cancelled, nothing is written. The write-ahead log
 * is left for a later checkpoint (rk_import_apply_async() runs one).
 *
 * Returns: %TRUE when the records were written (or nothing needed to be);
 *   %FALSE with %RK_IMPORT_ERROR_INVALID when the file has errors, which
 *   the issues then list
 */
gboolean
rk_import_apply (RkImport      *self,
                 RkDatabase    *db,
                 int            backups_kept,
                 GCancellable  *cancellable,
                 GError       **error)
{
  sqlite3 *handle;
  gboolean ok;

  g_return_val_if_fail (RK_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  if (!self->read_ok)
    {
      set_invalid_error (self, error);
      return FALSE;
    }

  /* The staging tables are in memory (temp_store, set at opening). */
  handle = rk_database_get_handle (db);

  set_progress (self, 0);
  if (!rk_database_begin (db, error))
    return FALSE;

  /* The search index of a large import works through far more pages than
   * the default 2 MiB cache holds; a larger one for the import's length
   * saves about a third of the writing. */
  sqlite3_exec (handle, "PRAGMA cache_size = -262144", NULL, NULL, NULL);
  ok = apply_planned (self, db, backups_kept, cancellable, error);
  /* Back to SQLite's default, which the app never changes elsewhere. */
  sqlite3_exec (handle, "PRAGMA cache_size = -2000", NULL, NULL, NULL);

  return ok;
}

/* In a thread, on a connection of its own */

typedef struct
{
  RkDatabase *db;          /* the app's, to announce changes on */
  char       *database_path;
  GFile      *file;
  int         backups_kept;
} ImportTask;

static void
import_task_free (gpointer data)
{
  ImportTask *task = data;

  g_clear_object (&task->db);
  g_free (task->database_path);
  g_clear_object (&task->file);
  g_free (task);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RkImport *self = source_object;
  ImportTask *data = task_data;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!rk_import_read_file (self, data->file, cancellable, &error) ||
      (db = rk_database_open (data->database_path, RK_DATABASE_OPEN_READ_ONLY, &error)) == NULL ||
      !rk_import_plan (self, db, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rk_import_prepare_async:
 * @db: the app's database
 * @file: the CSV file
 *
 * Reads and plans in a thread, on a read-only connection of its own to
 * @db's file, so the window stays responsive; rk_import_get_progress()
 * may be polled meanwhile. Only rk_import_get_progress() may be called
 * until the callback runs.
 */
void
rk_import_prepare_async (RkImport            *self,
                         RkDatabase          *db,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (RK_IS_IMPORT (self));
  g_return_if_fail (RK_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportTask, 1);
  data->database_path = g_strdup (rk_database_get_path (db));
  data->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rk_import_prepare_async);
  g_task_set_task_data (task, data, import_task_free);
  g_task_run_in_thread (task, prepare_thread);
}

/**
 * rk_import_prepare_finish:
 *
 * Returns: %TRUE when the file was read and planned, whether or not its
 *   rows have errors; %FALSE when it could not be read (the issues then
 *   say where), the database failed, or it was cancelled
 */
gboolean
rk_import_prepare_finish (RkImport      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RkImport *self = source_object;
  ImportTask *data = task_data;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = rk_database_open (data->database_path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL || !rk_import_apply (self, db, data->backups_kept, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The window can show the records now; the log is copied into the
   * database file meanwhile, here rather than in the next edit's commit.
   * Readers go on while it runs; a writer's own checkpoint steps aside. */
  g_task_return_boolean (task, TRUE);
  sqlite3_wal_checkpoint_v2 (rk_database_get_handle (db), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

/**
 * rk_import_apply_async:
 * @db: the app's database
 *
 * As rk_import_apply(), in a thread on a connection of its own;
 * rk_import_apply_finish() then tells @db's lists and pages which records
 * changed.
 */
void
rk_import_apply_async (RkImport            *self,
                       RkDatabase          *db,
                       int                  backups_kept,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (RK_IS_IMPORT (self));
  g_return_if_fail (RK_IS_DATABASE (db));

  data = g_new0 (ImportTask, 1);
  data->db = g_object_ref (db);
  data->database_path = g_strdup (rk_database_get_path (db));
  data->backups_kept = backups_kept;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rk_import_apply_async);
  g_task_set_task_data (task, data, import_task_free);
  /* What happened counts, even when Cancel came too late to stop it: the
   * records written must be announced. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, apply_thread);
}

gboolean
rk_import_apply_finish (RkImport      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  ImportTask *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* The records were written on another connection: the app's lists and
   * open pages learn of them here. */
  data = g_task_get_task_data (G_TASK (result));
  if (self->changed_ids->len > 0 && rk_database_begin (data->db, NULL))
    {
      for (guint i = 0; i < self->changed_ids->len; i++)
        rk_database_note_change (data->db, rk_csv_kind_table (self->kind),
                                 g_ptr_array_index (self->changed_ids, i));
      if (self->kind == RK_CSV_KIND_PROJECTS)
        rk_database_note_change (data->db, "project_municipality", NULL);
      rk_database_commit (data->db, NULL);
    }

  return TRUE;
}

/* What the import found */

/**
 * rk_import_get_progress:
 *
 * Returns: how far the running step is, from 0 to 1; may be called from
 *   any thread
 */
double
rk_import_get_progress (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), 0);

  return MIN (g_atomic_int_get (&self->progress), 1000) / 1000.0;
}

const char *
rk_import_get_display_name (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), NULL);

  return self->display_name;
}

const char *
rk_import_get_encoding_label (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), NULL);

  if (self->table == NULL)
    return "";

  switch (rk_csv_table_get_encoding (self->table))
    {
    case RK_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with byte order mark");
    case RK_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    case RK_CSV_ENCODING_UTF8:
    default:
      return "UTF-8";
    }
}

const char *
rk_import_get_delimiter_label (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), NULL);

  if (self->table == NULL)
    return "";

  switch (rk_csv_table_get_delimiter (self->table))
    {
    case ';':
      return _("Semicolon");
    case ',':
      return _("Comma");
    case '\t':
      return _("Tab");
    default:
      return _("None (a single column)");
    }
}

const char *
rk_import_get_language_label (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), NULL);

  return self->language == RK_CSV_FORMAT_DE ? _("German") : _("English");
}

/**
 * rk_import_get_language:
 *
 * Returns: the language of the headings, which also decides how an
 *   ambiguous amount such as "1.234" is read
 */
RkCsvFormat
rk_import_get_language (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), RK_CSV_FORMAT_EN);

  return self->language;
}

/**
 * rk_import_get_n_records:
 *
 * Returns: the rows of data, without the header line and blank lines
 */
guint
rk_import_get_n_records (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), 0);

  return self->table != NULL ? rk_csv_table_get_n_records (self->table) - 1 : 0;
}

guint
rk_import_get_n_new (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), 0);
  return self->n_new;
}

guint
rk_import_get_n_updated (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), 0);
  return self->n_updated;
}

guint
rk_import_get_n_unchanged (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), 0);
  return self->n_unchanged;
}

guint
rk_import_get_n_errors (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), 0);
  return self->n_errors;
}

/**
 * rk_import_get_n_issues:
 *
 * Returns: the errors and notes, in the order of the file
 */
guint
rk_import_get_n_issues (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), 0);
  return self->issues->len;
}

const RkImportIssue *
rk_import_get_issue (RkImport *self,
                     guint     index)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->issues->len, NULL);

  return &g_array_index (self->issues, RkImportIssue, index);
}

/* Where the issue is, to begin a sentence or to follow a file name. */
static char *
position_of (const RkImportIssue *issue,
             gboolean             capital)
{
  if (issue->line == 0)
    return NULL;

  if (issue->column == 0)
    return g_strdup_printf (capital ? _("Line %u") : _("line %u"), issue->line);
  if (issue->heading == NULL)
    return g_strdup_printf (capital ? _("Line %u, column %u") : _("line %u, column %u"),
                            issue->line, issue->column);
  /* Translators: the %s is the column's heading as the file writes it */
  return g_strdup_printf (capital ? _("Line %u, column %u (%s)") : _("line %u, column %u (%s)"),
                          issue->line, issue->column, issue->heading);
}

/**
 * rk_import_issue_get_position:
 *
 * Returns: (nullable): where the issue is, "Line 5, column 3 (Titel)", or
 *   %NULL for the file as a whole
 */
char *
rk_import_issue_get_position (const RkImportIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  return position_of (issue, TRUE);
}

/**
 * rk_import_issue_to_string:
 *
 * Returns: the issue as one sentence that names the file, the line and
 *   the column, for standard error
 */
char *
rk_import_issue_to_string (RkImport            *self,
                           const RkImportIssue *issue)
{
  g_autofree char *position = NULL;

  g_return_val_if_fail (RK_IS_IMPORT (self), NULL);
  g_return_val_if_fail (issue != NULL, NULL);

  position = position_of (issue, FALSE);
  if (position == NULL)
    /* Translators: a file name, then a sentence */
    return g_strdup_printf (_("“%s”: %s"), self->display_name ?: "", issue->message);

  /* Translators: a file name, where in it ("line 5, column 3"), a sentence */
  return g_strdup_printf (_("“%s”, %s: %s"), self->display_name ?: "", position, issue->message);
}

/**
 * rk_import_get_summary:
 *
 * Returns: what the import does or did, as one sentence
 */
char *
rk_import_get_summary (RkImport *self)
{
  g_return_val_if_fail (RK_IS_IMPORT (self), NULL);

  if (self->kind == RK_CSV_KIND_PROJECTS)
    return g_strdup_printf (_("Projects: %u new, %u updated, %u unchanged."),
                            self->n_new, self->n_updated, self->n_unchanged);

  return g_strdup_printf (_("Partner organisations: %u new, %u updated, %u unchanged."),
                          self->n_new, self->n_updated, self->n_unchanged);
}
