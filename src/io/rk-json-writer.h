/* rk-json-writer.h: writes JSON text, indented, in UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RkJsonWriter RkJsonWriter;

RkJsonWriter *rk_json_writer_new          (void);
void          rk_json_writer_free         (RkJsonWriter *self);
void          rk_json_writer_begin_object (RkJsonWriter *self);
void          rk_json_writer_end_object   (RkJsonWriter *self);
void          rk_json_writer_begin_array  (RkJsonWriter *self);
void          rk_json_writer_end_array    (RkJsonWriter *self);
void          rk_json_writer_key          (RkJsonWriter *self,
                                           const char   *key);
void          rk_json_writer_string       (RkJsonWriter *self,
                                           const char   *value);
void          rk_json_writer_int          (RkJsonWriter *self,
                                           gint64        value);
void          rk_json_writer_null         (RkJsonWriter *self);
char         *rk_json_writer_finish       (RkJsonWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkJsonWriter, rk_json_writer_free)

G_END_DECLS
