/* rk-csv-columns.h: the columns of the project and organisation files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-csv.h"
#include "rk-enums.h"

G_BEGIN_DECLS

/* What a file holds. */
typedef enum {
  RK_CSV_KIND_PROJECTS,
  RK_CSV_KIND_ORGANISATIONS,
} RkCsvKind;

/* How a cell becomes a value of the table. */
typedef enum {
  RK_CSV_VALUE_KEY,             /* what records are matched by: trimmed, required */
  RK_CSV_VALUE_REQUIRED_TEXT,   /* trimmed, never empty */
  RK_CSV_VALUE_SHORT_TEXT,      /* trimmed; empty is "" */
  RK_CSV_VALUE_TEXT,            /* as it stands, line breaks and all */
  RK_CSV_VALUE_FIELD,           /* 1–5 or a German or English name */
  RK_CSV_VALUE_PILLAR,          /* key, English or German label */
  RK_CSV_VALUE_STATUS,
  RK_CSV_VALUE_KIND,
  RK_CSV_VALUE_MONEY,           /* euros in the file, cents in the table */
  RK_CSV_VALUE_DATE,            /* ISO or German in the file, ISO in the table */
  RK_CSV_VALUE_MUNICIPALITY,    /* a name in the file, a key in the table */
  RK_CSV_VALUE_MUNICIPALITIES,  /* names separated by commas; a link table */
} RkCsvValueType;

typedef struct
{
  const char     *key;            /* the English key, the header of `en` */
  const char     *header_de;      /* the header of `de` */
  const char     *alias;          /* (nullable) another English heading */
  const char     *db_column;      /* NULL for the municipalities of a project */
  RkCsvValueType  type;
  const char     *default_value;  /* of a new record; NULL is SQL NULL */
} RkCsvColumn;

const RkCsvColumn *rk_csv_columns            (RkCsvKind        kind,
                                              guint           *n_columns);
const char        *rk_csv_kind_table         (RkCsvKind        kind);
const char        *rk_csv_column_heading     (const RkCsvColumn *column,
                                              RkCsvFormat      format);

char              *rk_csv_normalise          (const char      *text);
gboolean           rk_csv_match_term         (RkCsvValueType   type,
                                              const char      *text,
                                              int             *out_value);
const char        *rk_csv_term_text          (RkCsvValueType   type,
                                              int              value,
                                              RkCsvFormat      format);
const char        *rk_csv_term_english       (RkCsvValueType   type,
                                              int              value);

char              *rk_csv_format_money       (gint64           cents,
                                              RkCsvFormat      format);
gboolean           rk_csv_parse_money        (const char      *text,
                                              gboolean         german,
                                              gint64          *out_cents,
                                              GError         **error);
char              *rk_csv_format_date        (const char      *iso_date,
                                              RkCsvFormat      format);

G_END_DECLS
