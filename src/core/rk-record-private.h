/* rk-record-private.h: GObject properties backed by table columns
 *
 * A record type describes its columns once, in a table indexed by
 * property id; these functions then do the GObject property work, read a
 * row and bind a statement for every such type alike. Column i of the
 * type's SELECT (0 being the rowid) and parameter i of its INSERT and
 * UPDATE are property i.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database-private.h"

G_BEGIN_DECLS

typedef enum {
  RK_COLUMN_TEXT,          /* never NULL; "" when empty */
  RK_COLUMN_OPTIONAL_TEXT, /* NULL when empty */
  RK_COLUMN_AMOUNT,        /* gint64, -1 (NULL in the table) when unknown */
  RK_COLUMN_ENUM,          /* int; stored as the value's nick */
  RK_COLUMN_BOOLEAN,
} RkColumnType;

typedef struct
{
  const char   *name;            /* property name */
  RkColumnType  type;
  gsize         offset;          /* of the field in the instance struct */
  GType       (*enum_type) (void);
} RkColumn;

/* What rk_record_write() needs to know of a record type. */
typedef struct
{
  const char      *table;        /* its "changed::" detail */
  const RkColumn  *columns;
  guint            n_columns;
  GParamSpec     **pspecs;
  guint            id_prop;      /* the key, a text column */
  guint            created_prop;
  guint            updated_prop;
  gsize            rowid_offset; /* of the gint64 rowid in the instance */
} RkRecordKind;

/* More writes in the same transaction, such as a meeting's attendance. */
typedef gboolean (*RkRecordAlso) (gpointer     self,
                                  RkDatabase  *db,
                                  const char  *now,
                                  GError     **error);

void     rk_record_new_key            (gpointer            self,
                                       const RkRecordKind *kind);
gboolean rk_record_write              (gpointer            self,
                                       const RkRecordKind *kind,
                                       RkDatabase         *db,
                                       const char         *sql,
                                       RkRecordAlso        also,
                                       GError            **error);

void     rk_record_install_properties (GObjectClass    *klass,
                                       const RkColumn  *columns,
                                       guint            n_columns,
                                       GParamSpec     **pspecs);
void     rk_record_init               (gpointer         self,
                                       const RkColumn  *columns,
                                       guint            n_columns);
void     rk_record_finalize           (gpointer         self,
                                       const RkColumn  *columns,
                                       guint            n_columns);
void     rk_record_get_property       (gpointer         self,
                                       const RkColumn  *column,
                                       GValue          *value);
gboolean rk_record_set_column         (gpointer         self,
                                       const RkColumn  *column,
                                       const GValue    *value);
void     rk_record_read_row           (gpointer         self,
                                       const RkColumn  *columns,
                                       guint            n_columns,
                                       GParamSpec     **pspecs,
                                       sqlite3_stmt    *stmt);
void     rk_record_bind               (gpointer         self,
                                       const RkColumn  *columns,
                                       guint            n_columns,
                                       sqlite3_stmt    *stmt);
gboolean rk_record_equal_columns      (gpointer         self,
                                       gpointer         other,
                                       const RkColumn  *columns,
                                       guint            first,
                                       guint            last);
void     rk_record_copy_columns       (gpointer         self,
                                       gpointer         other,
                                       const RkColumn  *columns,
                                       guint            first,
                                       guint            last);

G_END_DECLS
