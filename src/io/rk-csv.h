/* rk-csv.h: CSV as spreadsheets write it, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RK_CSV_ERROR (rk_csv_error_quark ())

typedef enum {
  RK_CSV_ERROR_ENCODING,      /* not text, or not in an encoding we read */
  RK_CSV_ERROR_STRUCTURE,     /* quotes that do not close, stray characters */
  RK_CSV_ERROR_EMPTY,         /* no header line */
} RkCsvError;

/* The two dialects the app writes: German Excel and plain English. */
typedef enum {
  RK_CSV_FORMAT_DE,  /* semicolon, UTF-8 with BOM, German headers, 31.12.2024, 1234567,89 */
  RK_CSV_FORMAT_EN,  /* comma, UTF-8, English keys, 2024-12-31, 1234567.89 */
} RkCsvFormat;

typedef enum {
  RK_CSV_ENCODING_UTF8,
  RK_CSV_ENCODING_UTF8_BOM,
  RK_CSV_ENCODING_WINDOWS_1252,
} RkCsvEncoding;

/* What a file holds, decoded into UTF-8 and split into records. */
typedef struct _RkCsvTable RkCsvTable;

GQuark        rk_csv_error_quark          (void);

RkCsvFormat   rk_csv_format_default       (void);
gboolean      rk_csv_format_from_string   (const char     *text,
                                           RkCsvFormat    *out_format);
const char   *rk_csv_format_to_string     (RkCsvFormat     format);
char          rk_csv_format_get_delimiter (RkCsvFormat     format);

RkCsvTable   *rk_csv_table_parse          (const char     *data,
                                           gsize           length,
                                           guint          *out_line,
                                           guint          *out_column,
                                           GError        **error);
void          rk_csv_table_free           (RkCsvTable     *self);
RkCsvEncoding rk_csv_table_get_encoding   (RkCsvTable     *self);
char          rk_csv_table_get_delimiter  (RkCsvTable     *self);
guint         rk_csv_table_get_n_records  (RkCsvTable     *self);
guint         rk_csv_table_get_line       (RkCsvTable     *self,
                                           guint           record);
guint         rk_csv_table_get_n_cells    (RkCsvTable     *self,
                                           guint           record);
const char   *rk_csv_table_get_cell       (RkCsvTable     *self,
                                           guint           record,
                                           guint           cell);
guint         rk_csv_table_get_cell_line  (RkCsvTable     *self,
                                           guint           record,
                                           guint           cell);
gboolean      rk_csv_table_cell_is_valid  (RkCsvTable     *self,
                                           guint           record,
                                           guint           cell);

void          rk_csv_append_cell          (GString        *out,
                                           const char     *text,
                                           char            delimiter);
const char   *rk_csv_unprotect            (const char     *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkCsvTable, rk_csv_table_free)

G_END_DECLS
