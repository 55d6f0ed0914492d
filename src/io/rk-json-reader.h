/* rk-json-reader.h: reads JSON text one token at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RK_JSON_ERROR (rk_json_error_quark ())

typedef enum {
  RK_JSON_ERROR_SYNTAX,
  RK_JSON_ERROR_ENCODING,
  RK_JSON_ERROR_TOO_DEEP,
} RkJsonError;

typedef enum {
  RK_JSON_TOKEN_ERROR,
  RK_JSON_TOKEN_BEGIN_OBJECT,
  RK_JSON_TOKEN_END_OBJECT,
  RK_JSON_TOKEN_BEGIN_ARRAY,
  RK_JSON_TOKEN_END_ARRAY,
  RK_JSON_TOKEN_KEY,
  RK_JSON_TOKEN_STRING,
  RK_JSON_TOKEN_INT,
  RK_JSON_TOKEN_DOUBLE,
  RK_JSON_TOKEN_TRUE,
  RK_JSON_TOKEN_FALSE,
  RK_JSON_TOKEN_NULL,
  RK_JSON_TOKEN_END,      /* the end of the document */
} RkJsonToken;

typedef struct _RkJsonReader RkJsonReader;

GQuark        rk_json_error_quark        (void);

RkJsonReader *rk_json_reader_new         (const char    *text,
                                          gsize          length);
void          rk_json_reader_free        (RkJsonReader  *self);
RkJsonToken   rk_json_reader_next        (RkJsonReader  *self,
                                          GError       **error);
gboolean      rk_json_reader_skip        (RkJsonReader  *self,
                                          RkJsonToken    token,
                                          GError       **error);
const char   *rk_json_reader_get_string  (RkJsonReader  *self);
gint64        rk_json_reader_get_int     (RkJsonReader  *self);
double        rk_json_reader_get_double  (RkJsonReader  *self);
guint         rk_json_reader_get_line    (RkJsonReader  *self);
guint         rk_json_reader_get_column  (RkJsonReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkJsonReader, rk_json_reader_free)

G_END_DECLS
