/* rk-report-pdf.h: a progress report as pages, for PDF and for printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rk-database.h"

G_BEGIN_DECLS

/* A4 in points, the page of the PDF. */
#define RK_REPORT_PAGE_WIDTH  595.276
#define RK_REPORT_PAGE_HEIGHT 841.890

typedef struct _RkReportDocument RkReportDocument;

RkReportDocument *rk_report_document_new        (RkDatabase        *db,
                                                 const char        *report_id,
                                                 GError           **error);
void              rk_report_document_free       (RkReportDocument  *self);
const char       *rk_report_document_get_title  (RkReportDocument  *self);
guint             rk_report_document_paginate   (RkReportDocument  *self,
                                                 cairo_t           *cr,
                                                 double             page_width,
                                                 double             page_height);
guint             rk_report_document_get_n_pages (RkReportDocument *self);
void              rk_report_document_draw_page  (RkReportDocument  *self,
                                                 cairo_t           *cr,
                                                 guint              page);

gboolean          rk_report_pdf_write           (RkDatabase        *db,
                                                 const char        *report_id,
                                                 GFile             *file,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
void              rk_report_pdf_write_async     (RkDatabase        *db,
                                                 const char        *report_id,
                                                 GFile             *file,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
gboolean          rk_report_pdf_write_finish    (GAsyncResult      *result,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkReportDocument, rk_report_document_free)

G_END_DECLS
