/* rk-cli-report.h: the progress report as a PDF, from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-cli.h"

G_BEGIN_DECLS

RkExitStatus rk_cli_report_pdf (const char *path,
                                const char *pdf_path);

G_END_DECLS
