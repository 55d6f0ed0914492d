/* fuzz-csv.c: the CSV reader under libFuzzer
 *
 * Feeds arbitrary bytes to the reader, to the import's search for its
 * columns and to the value parsers, and checks what must always hold: no
 * crash, no read beyond a buffer (with AddressSanitizer), every cell valid
 * UTF-8, every error a sentence. Built only with -Dfuzzing=true and clang;
 * how to run it: tests/fuzz/meson.build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "rk-csv.h"
#include "rk-csv-columns.h"
#include "rk-format.h"
#include "rk-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_sentence (const GError *error)
{
  if (error != NULL && !g_str_has_suffix (error->message, "."))
    abort ();
}

static void
read_values (const char *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  gint64 cents;
  int value;

  if (rk_csv_parse_money (cell, TRUE, &cents, &error) && cents < 0)
    abort ();
  check_sentence (error);
  g_clear_error (&error);
  if (rk_csv_parse_money (cell, FALSE, &cents, &error) && cents < 0)
    abort ();
  check_sentence (error);
  g_clear_error (&error);

  if (rk_parse_date (cell, &iso, NULL) && !rk_iso_date_is_valid (iso))
    abort ();

  rk_csv_match_term (RK_CSV_VALUE_STATUS, cell, &value);
  g_free (rk_csv_normalise (cell));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RkCsvTable) table = NULL;
  g_autoptr(RkImport) projects = rk_import_new (RK_CSV_KIND_PROJECTS);
  g_autoptr(RkImport) organisations = rk_import_new (RK_CSV_KIND_ORGANISATIONS);
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  table = rk_csv_table_parse ((const char *) data, size, &line, &column, &error);
  check_sentence (error);
  if (table == NULL)
    return 0;

  for (guint r = 0; r < rk_csv_table_get_n_records (table); r++)
    for (guint c = 0; c < rk_csv_table_get_n_cells (table, r); c++)
      {
        const char *cell = rk_csv_table_get_cell (table, r, c);

        if (!g_utf8_validate (cell, -1, NULL) ||
            rk_csv_table_get_cell_line (table, r, c) < rk_csv_table_get_line (table, r))
          abort ();
        read_values (rk_csv_unprotect (cell));
      }

  /* The import's own reading: headings in two languages, issues. */
  g_clear_error (&error);
  rk_import_read_data (projects, (const char *) data, size, "fuzz.csv", &error);
  check_sentence (error);
  g_clear_error (&error);
  rk_import_read_data (organisations, (const char *) data, size, "fuzz.csv", &error);
  check_sentence (error);

  return 0;
}
