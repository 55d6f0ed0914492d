/* rk-json-reader.c: reads JSON text one token at a time
 *
 * The counterpart of rk-json-writer.c for the archive. A pull reader keeps
 * nothing but the current token, so an archive of any size is read in
 * constant memory, row by row straight into the database. It checks the
 * whole grammar of RFC 8259 and knows where each token begins, so that an
 * error can name its line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rk-json-reader.h"

/* Deeper nesting than any archive has is refused, so that hostile input
 * cannot make the reader keep an unbounded stack. */
#define MAX_DEPTH 64

typedef enum {
  EXPECT_VALUE,          /* the document's value, after ':' or after ',' in an array */
  EXPECT_VALUE_OR_END,   /* after '[' */
  EXPECT_KEY,            /* after ',' in an object */
  EXPECT_KEY_OR_END,     /* after '{' */
  EXPECT_SEPARATOR,      /* after a value: ',' or the container's end */
} State;

struct _RkJsonReader
{
  const char *text;
  gsize       length;
  gsize       pos;
  gsize       line_start;    /* offset where the current line begins */
  guint       line;
  gsize       token_start;
  guint       token_line;
  gsize       token_line_start;
  GString    *string;        /* the current key or string, unescaped */
  gint64      int_value;
  double      double_value;
  GString    *stack;         /* '{' and '[' of the open containers */
  State       state;
  gboolean    checked;       /* the text was checked to be UTF-8 */
};

G_DEFINE_QUARK (rk-json-error-quark, rk_json_error)

/**
 * rk_json_reader_new:
 * @text: the document; must stay alive while it is read
 */
RkJsonReader *
rk_json_reader_new (const char *text,
                    gsize       length)
{
  RkJsonReader *self = g_new0 (RkJsonReader, 1);

  self->text = text;
  self->length = length;
  self->line = 1;
  self->string = g_string_new (NULL);
  self->stack = g_string_new (NULL);
  self->state = EXPECT_VALUE;
  return self;
}

void
rk_json_reader_free (RkJsonReader *self)
{
  if (self == NULL)
    return;

  g_string_free (self->string, TRUE);
  g_string_free (self->stack, TRUE);
  g_free (self);
}

static RkJsonToken
fail (RkJsonReader  *self,
      GError       **error,
      const char    *message)
{
  g_set_error_literal (error, RK_JSON_ERROR, RK_JSON_ERROR_SYNTAX, message);
  return RK_JSON_TOKEN_ERROR;
}

static void
skip_space (RkJsonReader *self)
{
  while (self->pos < self->length)
    {
      char c = self->text[self->pos];

      if (c == '\n')
        {
          self->line++;
          self->line_start = self->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        break;
      self->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (RkJsonReader *self,
           gunichar     *out)
{
  gunichar value = 0;

  if (self->pos + 4 > self->length)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (self->text[self->pos + i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }

  self->pos += 4;
  *out = value;
  return TRUE;
}

/* Reads a string whose opening quote is at the current position. */
static gboolean
read_string (RkJsonReader  *self,
             GError       **error)
{
  g_string_truncate (self->string, 0);
  self->pos++;

  for (;;)
    {
      gsize start = self->pos;

      while (self->pos < self->length && self->text[self->pos] != '"' &&
             self->text[self->pos] != '\\' && (guchar) self->text[self->pos] >= 0x20)
        self->pos++;
      g_string_append_len (self->string, self->text + start, self->pos - start);

      if (self->pos >= self->length)
        {
          fail (self, error, _("A text is not closed by a quotation mark."));
          return FALSE;
        }

      if (self->text[self->pos] == '"')
        {
          self->pos++;
          return TRUE;
        }

      if (self->text[self->pos] != '\\')
        {
          fail (self, error, _("A text holds a control character that must be written as an escape."));
          return FALSE;
        }

      self->pos++;
      if (self->pos >= self->length)
        {
          fail (self, error, _("A text is not closed by a quotation mark."));
          return FALSE;
        }

      switch (self->text[self->pos++])
        {
        case '"': g_string_append_c (self->string, '"'); break;
        case '\\': g_string_append_c (self->string, '\\'); break;
        case '/': g_string_append_c (self->string, '/'); break;
        case 'b': g_string_append_c (self->string, '\b'); break;
        case 'f': g_string_append_c (self->string, '\f'); break;
        case 'n': g_string_append_c (self->string, '\n'); break;
        case 'r': g_string_append_c (self->string, '\r'); break;
        case 't': g_string_append_c (self->string, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!read_hex4 (self, &c))
              {
                fail (self, error, _("A text holds an escape “\\u” without four hexadecimal digits."));
                return FALSE;
              }

            /* Characters beyond the first plane come as surrogate pairs. */
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                if (self->pos + 2 > self->length || self->text[self->pos] != '\\' ||
                    self->text[self->pos + 1] != 'u')
                  {
                    fail (self, error, _("A text holds half of a surrogate pair."));
                    return FALSE;
                  }
                self->pos += 2;
                if (!read_hex4 (self, &low) || low < 0xDC00 || low > 0xDFFF)
                  {
                    fail (self, error, _("A text holds half of a surrogate pair."));
                    return FALSE;
                  }
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (c >= 0xDC00 && c <= 0xDFFF)
              {
                fail (self, error, _("A text holds half of a surrogate pair."));
                return FALSE;
              }

            if (c == 0)
              {
                fail (self, error, _("A text holds a zero character."));
                return FALSE;
              }
            g_string_append_unichar (self->string, c);
          }
          break;

        default:
          fail (self, error, _("A text holds an unknown escape."));
          return FALSE;
        }
    }
}

static RkJsonToken
read_number (RkJsonReader  *self,
             GError       **error)
{
  gsize start = self->pos;
  gboolean is_int = TRUE;
  g_autofree char *copy = NULL;

  if (self->text[self->pos] == '-')
    self->pos++;

  if (self->pos < self->length && self->text[self->pos] == '0')
    self->pos++;
  else if (self->pos < self->length && g_ascii_isdigit (self->text[self->pos]))
    while (self->pos < self->length && g_ascii_isdigit (self->text[self->pos]))
      self->pos++;
  else
    return fail (self, error, _("A number is not written as JSON writes numbers."));

  if (self->pos < self->length && self->text[self->pos] == '.')
    {
      is_int = FALSE;
      self->pos++;
      if (self->pos >= self->length || !g_ascii_isdigit (self->text[self->pos]))
        return fail (self, error, _("A number is not written as JSON writes numbers."));
      while (self->pos < self->length && g_ascii_isdigit (self->text[self->pos]))
        self->pos++;
    }

  if (self->pos < self->length && (self->text[self->pos] == 'e' || self->text[self->pos] == 'E'))
    {
      is_int = FALSE;
      self->pos++;
      if (self->pos < self->length && (self->text[self->pos] == '+' || self->text[self->pos] == '-'))
        self->pos++;
      if (self->pos >= self->length || !g_ascii_isdigit (self->text[self->pos]))
        return fail (self, error, _("A number is not written as JSON writes numbers."));
      while (self->pos < self->length && g_ascii_isdigit (self->text[self->pos]))
        self->pos++;
    }

  copy = g_strndup (self->text + start, self->pos - start);
  if (is_int)
    {
      if (g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, &self->int_value, NULL))
        return RK_JSON_TOKEN_INT;
    }

  self->double_value = g_ascii_strtod (copy, NULL);
  return RK_JSON_TOKEN_DOUBLE;
}

static gboolean
read_word (RkJsonReader *self,
           const char   *word)
{
  gsize n = strlen (word);

  if (self->pos + n > self->length || memcmp (self->text + self->pos, word, n) != 0)
    return FALSE;

  self->pos += n;
  return TRUE;
}

/* After a value: what the container or the document expects next. */
static void
value_done (RkJsonReader *self)
{
  self->state = EXPECT_SEPARATOR;
}

static RkJsonToken
read_value (RkJsonReader  *self,
            GError       **error)
{
  char c = self->text[self->pos];
  RkJsonToken token;

  switch (c)
    {
    case '{':
    case '[':
      if (self->stack->len >= MAX_DEPTH)
        {
          g_set_error_literal (error, RK_JSON_ERROR, RK_JSON_ERROR_TOO_DEEP,
                               _("The document nests objects and arrays too deeply."));
          return RK_JSON_TOKEN_ERROR;
        }
      self->pos++;
      g_string_append_c (self->stack, c);
      self->state = c == '{' ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
      return c == '{' ? RK_JSON_TOKEN_BEGIN_OBJECT : RK_JSON_TOKEN_BEGIN_ARRAY;

    case '"':
      if (!read_string (self, error))
        return RK_JSON_TOKEN_ERROR;
      value_done (self);
      return RK_JSON_TOKEN_STRING;

    case 't':
    case 'f':
    case 'n':
      if (read_word (self, "true"))
        token = RK_JSON_TOKEN_TRUE;
      else if (read_word (self, "false"))
        token = RK_JSON_TOKEN_FALSE;
      else if (read_word (self, "null"))
        token = RK_JSON_TOKEN_NULL;
      else
        return fail (self, error, _("A value is neither text, a number, an object, an array, true, false nor null."));
      value_done (self);
      return token;

    default:
      if (c == '-' || g_ascii_isdigit (c))
        {
          token = read_number (self, error);
          if (token != RK_JSON_TOKEN_ERROR)
            value_done (self);
          return token;
        }
      return fail (self, error, _("A value is neither text, a number, an object, an array, true, false nor null."));
    }
}

static RkJsonToken
close_container (RkJsonReader  *self,
                 char           c,
                 GError       **error)
{
  char open = self->stack->str[self->stack->len - 1];

  if ((c == '}') != (open == '{'))
    return fail (self, error, open == '{' ? _("An object is closed by “]” instead of “}”.")
                                          : _("An array is closed by “}” instead of “]”."));

  self->pos++;
  g_string_truncate (self->stack, self->stack->len - 1);
  value_done (self);
  return c == '}' ? RK_JSON_TOKEN_END_OBJECT : RK_JSON_TOKEN_END_ARRAY;
}

/**
 * rk_json_reader_next:
 *
 * Returns: the next token, %RK_JSON_TOKEN_END after the document, or
 *   %RK_JSON_TOKEN_ERROR with @error set; the position then says where
 */
RkJsonToken
rk_json_reader_next (RkJsonReader  *self,
                     GError       **error)
{
  if (!self->checked)
    {
      const char *end = NULL;

      self->checked = TRUE;
      if (!g_utf8_validate_len (self->text, self->length, &end))
        {
          /* Point at the bad byte. */
          for (self->pos = 0; self->text + self->pos < end; self->pos++)
            if (self->text[self->pos] == '\n')
              {
                self->line++;
                self->line_start = self->pos + 1;
              }
          self->token_start = self->pos;
          self->token_line = self->line;
          self->token_line_start = self->line_start;
          g_set_error_literal (error, RK_JSON_ERROR, RK_JSON_ERROR_ENCODING,
                               _("The document is not valid UTF-8 text."));
          return RK_JSON_TOKEN_ERROR;
        }

      /* A byte order mark is not JSON, but some editors write one. */
      if (self->length >= 3 && memcmp (self->text, "\xEF\xBB\xBF", 3) == 0)
        self->pos = self->line_start = 3;
    }

  skip_space (self);
  self->token_start = self->pos;
  self->token_line = self->line;
  self->token_line_start = self->line_start;

  if (self->pos >= self->length)
    {
      if (self->state == EXPECT_SEPARATOR && self->stack->len == 0)
        return RK_JSON_TOKEN_END;
      return fail (self, error, _("The document ends in the middle."));
    }

  switch (self->state)
    {
    case EXPECT_VALUE:
      return read_value (self, error);

    case EXPECT_VALUE_OR_END:
      if (self->text[self->pos] == ']')
        return close_container (self, ']', error);
      return read_value (self, error);

    case EXPECT_KEY:
    case EXPECT_KEY_OR_END:
      if (self->state == EXPECT_KEY_OR_END && self->text[self->pos] == '}')
        return close_container (self, '}', error);
      if (self->text[self->pos] != '"')
        return fail (self, error, _("A name in quotation marks is expected here."));
      if (!read_string (self, error))
        return RK_JSON_TOKEN_ERROR;
      skip_space (self);
      if (self->pos >= self->length || self->text[self->pos] != ':')
        return fail (self, error, _("A colon is expected after the name."));
      self->pos++;
      self->state = EXPECT_VALUE;
      return RK_JSON_TOKEN_KEY;

    case EXPECT_SEPARATOR:
    default:
      if (self->stack->len == 0)
        return fail (self, error, _("Something follows the end of the document."));
      if (self->text[self->pos] == ',')
        {
          self->pos++;
          self->state = self->stack->str[self->stack->len - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
          return rk_json_reader_next (self, error);
        }
      if (self->text[self->pos] == '}' || self->text[self->pos] == ']')
        return close_container (self, self->text[self->pos], error);
      return fail (self, error, self->stack->str[self->stack->len - 1] == '{'
                                ? _("A comma or “}” is expected here.")
                                : _("A comma or “]” is expected here."));
    }
}

/**
 * rk_json_reader_skip:
 * @token: the token just read
 *
 * Skips the rest of the value that @token began: a whole object or array,
 * or nothing for a scalar.
 */
gboolean
rk_json_reader_skip (RkJsonReader  *self,
                     RkJsonToken    token,
                     GError       **error)
{
  gsize depth;

  if (token != RK_JSON_TOKEN_BEGIN_OBJECT && token != RK_JSON_TOKEN_BEGIN_ARRAY)
    return TRUE;

  depth = self->stack->len;
  while (self->stack->len >= depth)
    if (rk_json_reader_next (self, error) == RK_JSON_TOKEN_ERROR)
      return FALSE;

  return TRUE;
}

/**
 * rk_json_reader_get_string:
 *
 * Returns: the text of the current key or string, valid UTF-8 without
 *   zero characters
 */
const char *
rk_json_reader_get_string (RkJsonReader *self)
{
  return self->string->str;
}

gint64
rk_json_reader_get_int (RkJsonReader *self)
{
  return self->int_value;
}

double
rk_json_reader_get_double (RkJsonReader *self)
{
  return self->double_value;
}

/**
 * rk_json_reader_get_line:
 *
 * Returns: the line, from 1, on which the current token (or the problem)
 *   begins
 */
guint
rk_json_reader_get_line (RkJsonReader *self)
{
  return self->token_line;
}

/**
 * rk_json_reader_get_column:
 *
 * Returns: the column in characters, from 1, at which the current token
 *   (or the problem) begins
 */
guint
rk_json_reader_get_column (RkJsonReader *self)
{
  const char *start = self->text + self->token_line_start;
  const char *end = self->text + self->token_start;
  guint column = 1;

  /* Counted only when asked, so a long line costs nothing while reading. */
  for (const char *p = start; p < end; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      column++;

  return column;
}
