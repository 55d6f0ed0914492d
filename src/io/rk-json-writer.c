/* rk-json-writer.c: writes JSON text, indented, in UTF-8
 *
 * Small on purpose: objects, arrays, strings, integers and null are all
 * the exports need. Output is deterministic, so the same data gives the
 * same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-json-writer"

#include "config.h"

#include "rk-json-writer.h"

struct _RkJsonWriter
{
  GString *out;
  GArray  *first;   /* gboolean per open container: nothing written yet */
  gboolean after_key;
};

RkJsonWriter *
rk_json_writer_new (void)
{
  RkJsonWriter *self = g_new0 (RkJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return self;
}

void
rk_json_writer_free (RkJsonWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_array_unref (self->first);
  g_free (self);
}

static void
newline (RkJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->first->len; i++)
    g_string_append (self->out, "  ");
}

/* Before a value or key: the comma and the line it needs. */
static void
separate (RkJsonWriter *self)
{
  gboolean *first;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->first->len == 0)
    return;

  first = &g_array_index (self->first, gboolean, self->first->len - 1);
  if (!*first)
    g_string_append_c (self->out, ',');
  *first = FALSE;
  newline (self);
}

static void
open_container (RkJsonWriter *self,
                char          bracket)
{
  gboolean first = TRUE;

  separate (self);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->first, first);
}

static void
close_container (RkJsonWriter *self,
                 char          bracket)
{
  gboolean empty;

  g_return_if_fail (self->first->len > 0);

  empty = g_array_index (self->first, gboolean, self->first->len - 1);
  g_array_set_size (self->first, self->first->len - 1);
  if (!empty)
    newline (self);
  g_string_append_c (self->out, bracket);
}

void
rk_json_writer_begin_object (RkJsonWriter *self)
{
  open_container (self, '{');
}

void
rk_json_writer_end_object (RkJsonWriter *self)
{
  close_container (self, '}');
}

void
rk_json_writer_begin_array (RkJsonWriter *self)
{
  open_container (self, '[');
}

void
rk_json_writer_end_array (RkJsonWriter *self)
{
  close_container (self, ']');
}

static void
append_string (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

void
rk_json_writer_key (RkJsonWriter *self,
                    const char   *key)
{
  separate (self);
  append_string (self->out, key);
  g_string_append (self->out, ": ");
  self->after_key = TRUE;
}

/**
 * rk_json_writer_string:
 * @value: (nullable): UTF-8 text; %NULL writes null
 */
void
rk_json_writer_string (RkJsonWriter *self,
                       const char   *value)
{
  if (value == NULL)
    {
      rk_json_writer_null (self);
      return;
    }

  separate (self);
  if (g_utf8_validate (value, -1, NULL))
    append_string (self->out, value);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);
      append_string (self->out, valid);
    }
}

void
rk_json_writer_int (RkJsonWriter *self,
                    gint64        value)
{
  separate (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
rk_json_writer_null (RkJsonWriter *self)
{
  separate (self);
  g_string_append (self->out, "null");
}

/**
 * rk_json_writer_finish:
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
rk_json_writer_finish (RkJsonWriter *self)
{
  g_return_val_if_fail (self->first->len == 0, NULL);

  g_string_append_c (self->out, '\n');
  return g_strdup (self->out->str);
}
