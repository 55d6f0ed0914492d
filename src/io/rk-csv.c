/* rk-csv.c: CSV as spreadsheets write it, read and written
 *
 * Reading follows RFC 4180 where spreadsheets do: cells in double quotes
 * may hold the delimiter, line breaks and doubled quotes; a quote inside an
 * unquoted cell is taken as it is, as Excel and LibreOffice take it. The
 * file is split into records on its bytes first, since the delimiters,
 * quotes and line breaks are the same bytes in UTF-8 and in Windows-1252;
 * only then is each cell decoded, so that a cell that is not valid text
 * can be named by its line and column.
 *
 * Which encoding: a UTF-8 byte order mark says UTF-8. Without one, a file
 * that is valid UTF-8 is UTF-8. A file that is not, but holds at least one
 * well-formed UTF-8 sequence of several bytes, is taken as damaged UTF-8
 * and its bad cells are reported; a file without any such sequence is
 * Windows-1252, which Excel writes as "CSV (Trennzeichen-getrennt)". The
 * guess can only go wrong for a Windows-1252 text that happens to hold
 * pairs such as "Ã¤", which German texts do not.
 *
 * Writing protects against formula injection: a cell that begins with
 * =, +, -, @, a tab or a carriage return gets an apostrophe in front, so a
 * spreadsheet shows it as text instead of running it. To read such a file
 * back without loss, a cell that begins with an apostrophe followed by one
 * of those characters or by a second apostrophe gets one more apostrophe in
 * front as well. Reading takes one leading apostrophe off exactly those
 * cells; every other cell is read as it stands. So what the app writes
 * reads back unchanged, and a cell typed by hand as "'=x" reads as "=x".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rk-csv.h"
#include "rk-format.h"

G_DEFINE_QUARK (rk-csv-error-quark, rk_csv_error)

typedef struct
{
  guint line;
  guint first;     /* index of its first cell */
  guint n_cells;
} Record;

typedef struct
{
  guint32 offset;  /* of its text in the buffer */
  guint32 line;    /* where it begins */
  guint32 valid;   /* whether the bytes were valid text */
} Cell;

struct _RkCsvTable
{
  char          *buffer;
  GArray        *records;  /* Record, without empty ones */
  GArray        *cells;    /* Cell */
  RkCsvEncoding  encoding;
  char           delimiter;  /* '\0' when the header has a single column */
};

/* Bytes 0x80 to 0x9F of Windows-1252; 0 where the code page has none. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/**
 * rk_csv_format_default:
 *
 * Returns: the format that follows the interface language: German Excel
 *   in a German interface, English otherwise
 */
RkCsvFormat
rk_csv_format_default (void)
{
  return rk_ui_language_is_german () ? RK_CSV_FORMAT_DE : RK_CSV_FORMAT_EN;
}

gboolean
rk_csv_format_from_string (const char  *text,
                           RkCsvFormat *out_format)
{
  if (g_strcmp0 (text, "de") == 0)
    *out_format = RK_CSV_FORMAT_DE;
  else if (g_strcmp0 (text, "en") == 0)
    *out_format = RK_CSV_FORMAT_EN;
  else
    return FALSE;

  return TRUE;
}

const char *
rk_csv_format_to_string (RkCsvFormat format)
{
  return format == RK_CSV_FORMAT_DE ? "de" : "en";
}

char
rk_csv_format_get_delimiter (RkCsvFormat format)
{
  return format == RK_CSV_FORMAT_DE ? ';' : ',';
}

void
rk_csv_table_free (RkCsvTable *self)
{
  if (self == NULL)
    return;

  g_free (self->buffer);
  g_array_unref (self->records);
  g_array_unref (self->cells);
  g_free (self);
}

/* The delimiter is the one of ; , and tab that the header line holds most
 * often outside quotes; a header without any has a single column. */
static char
detect_delimiter (const char *data,
                  gsize       length)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  gboolean started = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          /* Blank lines before the header do not end it. */
          if (started)
            break;
          continue;
        }

      started = TRUE;
      for (guint k = 0; !quoted && k < G_N_ELEMENTS (candidates); k++)
        if (c == candidates[k])
          counts[k]++;
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;

  return counts[best] > 0 ? candidates[best] : '\0';
}

static guint
line_of (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
      line++;

  return line;
}

/* Splits the buffer into records in place: unquoted text is moved down
 * over the quotes it loses, and each cell ends in a NUL. Writing never
 * overtakes reading, since a cell's text is never longer than its bytes. */
static gboolean
split_records (RkCsvTable  *self,
               gsize        length,
               guint       *out_line,
               guint       *out_column,
               GError     **error)
{
  char *buf = self->buffer;
  char delimiter = self->delimiter;
  gsize r = 0, w = 0;
  guint line = 1;
  Record record = { 1, 0, 0 };

  for (;;)
    {
      Cell cell = { (guint32) w, line, TRUE };
      gboolean end_of_record = FALSE;

      if (r < length && buf[r] == '"')
        {
          guint open_line = line;
          guint open_column = record.n_cells + 1;

          r++;
          for (;;)
            {
              if (r >= length)
                {
                  *out_line = open_line;
                  *out_column = open_column;
                  g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_STRUCTURE,
                                       _("The quotation mark that opens the cell is never closed."));
                  return FALSE;
                }
              if (buf[r] == '"')
                {
                  if (r + 1 < length && buf[r + 1] == '"')
                    {
                      buf[w++] = '"';
                      r += 2;
                      continue;
                    }
                  r++;
                  break;
                }
              if (buf[r] == '\n' || (buf[r] == '\r' && (r + 1 >= length || buf[r + 1] != '\n')))
                line++;
              buf[w++] = buf[r++];
            }

          if (r < length && buf[r] != delimiter && buf[r] != '\n' && buf[r] != '\r')
            {
              *out_line = line;
              *out_column = open_column;
              g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_STRUCTURE,
                           _("After the closing quotation mark of the cell comes “%c” instead of a delimiter or the end of the line."),
                           g_ascii_isprint (buf[r]) ? buf[r] : '?');
              return FALSE;
            }
        }
      else
        {
          while (r < length && buf[r] != '\n' && buf[r] != '\r' &&
                 (delimiter == '\0' || buf[r] != delimiter))
            buf[w++] = buf[r++];
        }

      /* What ends the cell: a delimiter, a line break or the end. */
      if (r < length && delimiter != '\0' && buf[r] == delimiter)
        r++;
      else
        {
          end_of_record = TRUE;
          if (r < length && buf[r] == '\r')
            {
              r++;
              if (r < length && buf[r] == '\n')
                r++;
            }
          else if (r < length && buf[r] == '\n')
            r++;
        }

      buf[w++] = '\0';
      g_array_append_val (self->cells, cell);
      record.n_cells++;

      if (end_of_record)
        {
          gboolean empty = TRUE;

          /* A blank line, or a row of empty cells as spreadsheets write
           * them below the data, holds nothing to import. */
          for (guint i = 0; empty && i < record.n_cells; i++)
            empty = buf[g_array_index (self->cells, Cell, record.first + i).offset] == '\0';

          if (empty)
            g_array_set_size (self->cells, record.first);
          else
            g_array_append_val (self->records, record);

          line++;
          if (r >= length)
            break;

          record.line = line;
          record.first = self->cells->len;
          record.n_cells = 0;
        }
    }

  return TRUE;
}

static gboolean
has_multibyte_utf8 (const char *data,
                    gsize       length)
{
  for (gsize i = 0; i + 1 < length; i++)
    {
      guchar c = data[i];
      gsize n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;

      if (n > 0 && i + n <= length && g_utf8_validate (data + i, n, NULL))
        return TRUE;
    }

  return FALSE;
}

static gboolean
decode_cp1252 (GString    *out,
               const char *text)
{
  gboolean valid = TRUE;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x80)
        g_string_append_c (out, *p);
      else if (*p < 0xA0)
        {
          gunichar c = cp1252_high[*p - 0x80];

          valid = valid && c != 0;
          g_string_append_unichar (out, c != 0 ? c : 0xFFFD);
        }
      else
        g_string_append_unichar (out, *p);
    }

  return valid;
}

/* Gives every cell valid UTF-8: Windows-1252 converted, bad UTF-8 marked
 * and made valid, so that no caller ever sees invalid text. */
static void
decode_cells (RkCsvTable *self,
              gboolean    all_utf8)
{
  g_autoptr(GString) out = NULL;
  gboolean all_valid = TRUE;

  if (all_utf8)
    return;

  if (self->encoding != RK_CSV_ENCODING_WINDOWS_1252)
    {
      for (guint i = 0; i < self->cells->len; i++)
        {
          Cell *cell = &g_array_index (self->cells, Cell, i);

          cell->valid = g_utf8_validate (self->buffer + cell->offset, -1, NULL);
          all_valid = all_valid && cell->valid;
        }

      if (all_valid)
        return;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);
      const char *text = self->buffer + cell->offset;
      guint32 offset = out->len;

      if (self->encoding == RK_CSV_ENCODING_WINDOWS_1252)
        cell->valid = decode_cp1252 (out, text);
      else if (cell->valid)
        g_string_append (out, text);
      else
        {
          g_autofree char *valid = g_utf8_make_valid (text, -1);
          g_string_append (out, valid);
        }

      g_string_append_c (out, '\0');
      cell->offset = offset;
    }

  g_free (self->buffer);
  self->buffer = g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * rk_csv_table_parse:
 * @data: the bytes of a file
 * @out_line: (out) (optional): where a problem is: the line, from 1, or 0
 *   for the file as a whole
 * @out_column: (out) (optional): the cell, from 1, or 0 for the line
 *
 * Detects the encoding and the delimiter and splits the file into
 * records. Blank lines and rows of empty cells are left out; each record
 * keeps the line it begins on.
 *
 * Returns: (transfer full): the table, or %NULL with @error in
 *   %RK_CSV_ERROR saying what is wrong, and where in the out arguments
 */
RkCsvTable *
rk_csv_table_parse (const char  *data,
                    gsize        length,
                    guint       *out_line,
                    guint       *out_column,
                    GError     **error)
{
  g_autoptr(RkCsvTable) self = g_new0 (RkCsvTable, 1);
  const char *data_start;
  const char *nul;
  gboolean all_utf8;
  guint line, column;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  data_start = data;
  line = column = 0;
  if (out_line != NULL)
    *out_line = 0;
  if (out_column != NULL)
    *out_column = 0;
  self->records = g_array_new (FALSE, FALSE, sizeof (Record));
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_ENCODING,
                           _("The file is in UTF-16 (“Unicode text”), which cannot be imported. Save it as “CSV UTF-8” and import it again."));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  all_utf8 = g_utf8_validate_len (data, length, NULL);
  if (data != data_start)
    self->encoding = RK_CSV_ENCODING_UTF8_BOM;
  else if (all_utf8 || has_multibyte_utf8 (data, length))
    self->encoding = RK_CSV_ENCODING_UTF8;
  else
    self->encoding = RK_CSV_ENCODING_WINDOWS_1252;

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      if (out_line != NULL)
        *out_line = line_of (data, nul - data);
      g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_ENCODING,
                           _("The line holds a zero byte: the file is not a text file."));
      return NULL;
    }

  self->buffer = g_malloc (length + 1);
  memcpy (self->buffer, data, length);
  self->buffer[length] = '\0';
  self->delimiter = detect_delimiter (self->buffer, length);

  if (!split_records (self, length, &line, &column, error))
    {
      if (out_line != NULL)
        *out_line = line;
      if (out_column != NULL)
        *out_column = column;
      return NULL;
    }

  if (self->records->len == 0)
    {
      g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_EMPTY,
                           _("The file is empty: it has no header line."));
      return NULL;
    }

  decode_cells (self, all_utf8);

  return g_steal_pointer (&self);
}

RkCsvEncoding
rk_csv_table_get_encoding (RkCsvTable *self)
{
  return self->encoding;
}

/**
 * rk_csv_table_get_delimiter:
 *
 * Returns: ';', ',' or '\t', or '\0' when the header has a single column
 */
char
rk_csv_table_get_delimiter (RkCsvTable *self)
{
  return self->delimiter;
}

guint
rk_csv_table_get_n_records (RkCsvTable *self)
{
  return self->records->len;
}

/**
 * rk_csv_table_get_line:
 *
 * Returns: the line of the file on which @record begins, from 1
 */
guint
rk_csv_table_get_line (RkCsvTable *self,
                       guint       record)
{
  g_return_val_if_fail (record < self->records->len, 0);

  return g_array_index (self->records, Record, record).line;
}

guint
rk_csv_table_get_n_cells (RkCsvTable *self,
                          guint       record)
{
  g_return_val_if_fail (record < self->records->len, 0);

  return g_array_index (self->records, Record, record).n_cells;
}

static const Cell *
get_cell (RkCsvTable *self,
          guint       record,
          guint       cell)
{
  const Record *r;

  if (record >= self->records->len)
    return NULL;
  r = &g_array_index (self->records, Record, record);
  if (cell >= r->n_cells)
    return NULL;

  return &g_array_index (self->cells, Cell, r->first + cell);
}

/**
 * rk_csv_table_get_cell:
 *
 * Returns: the cell's text in UTF-8, "" beyond the end of the record
 */
const char *
rk_csv_table_get_cell (RkCsvTable *self,
                       guint       record,
                       guint       cell)
{
  const Cell *c = get_cell (self, record, cell);

  return c != NULL ? self->buffer + c->offset : "";
}

/**
 * rk_csv_table_get_cell_line:
 *
 * Returns: the line on which the cell begins, which differs from the
 *   record's when an earlier cell holds line breaks
 */
guint
rk_csv_table_get_cell_line (RkCsvTable *self,
                            guint       record,
                            guint       cell)
{
  const Cell *c = get_cell (self, record, cell);

  return c != NULL ? c->line : rk_csv_table_get_line (self, record);
}

/**
 * rk_csv_table_cell_is_valid:
 *
 * Returns: whether the cell's bytes were valid text in the file's
 *   encoding; an invalid cell reads with U+FFFD in place of the bad bytes
 */
gboolean
rk_csv_table_cell_is_valid (RkCsvTable *self,
                            guint       record,
                            guint       cell)
{
  const Cell *c = get_cell (self, record, cell);

  return c == NULL || c->valid;
}

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

static gboolean
needs_protection (const char *text)
{
  return is_formula_start (text[0]) ||
         (text[0] == '\'' && (is_formula_start (text[1]) || text[1] == '\''));
}

/**
 * rk_csv_append_cell:
 * @text: (nullable): the cell's text; %NULL for an empty cell
 * @delimiter: the file's delimiter
 *
 * Appends a cell, protected against formula injection and quoted where it
 * holds the delimiter, a quotation mark or a line break.
 */
void
rk_csv_append_cell (GString    *out,
                    const char *text,
                    char        delimiter)
{
  if (text == NULL || *text == '\0')
    return;

  if (strpbrk (text, "\"\r\n") == NULL && strchr (text, delimiter) == NULL)
    {
      if (needs_protection (text))
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (needs_protection (text))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * rk_csv_unprotect:
 * @cell: a cell as read
 *
 * Returns: (transfer none): the cell without the apostrophe that
 *   rk_csv_append_cell() put in front of it, pointing into @cell
 */
const char *
rk_csv_unprotect (const char *cell)
{
  return needs_protection (cell) && cell[0] == '\'' ? cell + 1 : cell;
}
