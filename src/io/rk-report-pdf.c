/* rk-report-pdf.c: a progress report as pages, for PDF and for printing
 *
 * The document is laid out once, with pango, into items (headings,
 * paragraphs, the chart) that are placed on pages; drawing a page then
 * only shows what was placed on it. The PDF writer and the print dialog
 * both call rk_report_document_paginate() and _draw_page(), so a printed
 * report looks like its PDF. Nothing here includes GTK.
 *
 * The pages: a title page (programme, report title, reporting date), the
 * contents with page numbers, a summary with the headline sentence and
 * the chart, then one chapter per field of action with its projects:
 * status, lead ministry, volume, current-status text and milestones.
 * Everything is in the UI's language, dates and money in its locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-report-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rk-chart.h"
#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-reference.h"
#include "rk-report-pdf.h"
#include "rk-report.h"
#include "rk-summary.h"

/* Margins in points: 2 cm at the sides and top, room for the footer. */
#define MARGIN_SIDE   56.7
#define MARGIN_TOP    56.7
#define MARGIN_BOTTOM 70.0
#define FOOTER_Y_FROM_BOTTOM 40.0

/* The title page is page 0 and the contents page 1; the flow of
 * chapters starts on page 2. */
#define FIRST_FLOW_PAGE 2

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

static const RkRgb text_color = { 0.10, 0.10, 0.10 };
static const RkRgb muted_color = { 0.30, 0.30, 0.30 };       /* 9.7:1 on white */
static const RkRgb heading_color = { 0.043, 0.310, 0.541 };  /* #0b4f8a, 8.3:1 */
static const RkRgb draft_color = { 0.651, 0.235, 0.0 };      /* #a63c00, 6.3:1 */
static const RkRgb white = { 1, 1, 1 };

typedef struct
{
  char     *date;
  char     *text;
  gboolean  done;
} Milestone;

typedef struct
{
  char      *project_id;
  char      *code;
  char      *title;
  char      *field_id;
  char      *lead_ministry;
  char      *text;
  RkStatus   status;
  gint64     volume_cents;   /* -1 when unknown */
  GPtrArray *milestones;     /* Milestone, NULL when there are none */
} Project;

typedef enum {
  ITEM_TEXT,
  ITEM_STATUS_TEXT,   /* text after a swatch of a status colour */
  ITEM_CHART,
} ItemKind;

typedef struct
{
  ItemKind     kind;
  PangoLayout *layout;
  const RkRgb *color;
  RkStatus     status;
  double       indent;
  double       space_before;
  double       height;
  gboolean     new_page;        /* a chapter starts on a page of its own */
  gboolean     keep_with_next;
  gboolean     splittable;      /* may be broken between lines */
  double       block_height;    /* a project's items from here on, kept on
                                 * one page when a page can hold them */
  int          section;         /* the section it opens, or -1 */
} Item;

typedef struct
{
  guint  item;
  guint  page;
  double y;
  double offset;   /* how much of the item went on earlier pages */
  double height;
} Placement;

typedef struct
{
  char  *title;
  char  *number;    /* "1" … "5" for the fields, NULL otherwise */
  guint  page;
} Section;

struct _RkReportDocument
{
  char         *title;
  char         *as_of;
  gboolean      is_report;
  gboolean      is_draft;
  RkSummary    *summary;
  char         *headline;
  GPtrArray    *projects;       /* Project, in the order of the chapters */

  /* Set by paginate. */
  PangoContext *context;
  double        page_width;
  double        page_height;
  RkChart      *chart;
  GArray       *items;          /* Item */
  GArray       *placements;     /* Placement, by page */
  GArray       *page_starts;    /* guint: first placement of each page */
  GPtrArray    *sections;       /* Section */
  guint         n_pages;
  GPtrArray    *title_layouts;  /* PangoLayout of the title page */
  GArray       *title_ys;       /* double */
  GPtrArray    *toc_layouts;    /* PangoLayout, two per section */
  PangoLayout  *toc_heading;
  PangoLayout  *footer_left;
};

static void
milestone_free (gpointer data)
{
  Milestone *milestone = data;

  g_free (milestone->date);
  g_free (milestone->text);
  g_free (milestone);
}

static void
project_free (gpointer data)
{
  Project *project = data;

  g_free (project->project_id);
  g_free (project->code);
  g_free (project->title);
  g_free (project->field_id);
  g_free (project->lead_ministry);
  g_free (project->text);
  g_clear_pointer (&project->milestones, g_ptr_array_unref);
  g_free (project);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->title);
  g_free (section->number);
  g_free (section);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

/* Loading */

#define PROJECT_ORDER \
  " ORDER BY f.position IS NULL, f.position, code IS NULL, code, title COLLATE NOCASE"

static gboolean
load_projects (RkReportDocument  *self,
               RkDatabase        *db,
               const char        *report_id,
               GError           **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  if (report_id != NULL)
    stmt = rk_database_prepare (db, "SELECT e.project_id, e.project_code AS code, e.project_title AS title,"
                                    " e.field_id, e.status, e.text, p.lead_ministry, p.volume_cents"
                                    " FROM report_entry e LEFT JOIN project p ON p.id = e.project_id"
                                    " LEFT JOIN field f ON f.id = e.field_id"
                                    " WHERE e.report_id = ?" PROJECT_ORDER, error);
  else
    stmt = rk_database_prepare (db, "SELECT p.id, p.code AS code, p.title AS title, p.field_id, p.status,"
                                    " p.current_status, p.lead_ministry, p.volume_cents"
                                    " FROM project p LEFT JOIN field f ON f.id = p.field_id"
                                    PROJECT_ORDER, error);
  if (stmt == NULL)
    return FALSE;
  if (report_id != NULL)
    sqlite3_bind_text (stmt, 1, report_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Project *project = g_new0 (Project, 1);

      project->project_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      project->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      project->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      project->field_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (!rk_status_from_key ((const char *) sqlite3_column_text (stmt, 4), &project->status))
        project->status = RK_STATUS_PROPOSAL;
      project->text = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      project->lead_ministry = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      project->volume_cents = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (self->projects, project);
      if (project->project_id != NULL)
        g_hash_table_insert (by_id, project->project_id, project);
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the projects for the report"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_reset);

  /* The milestones in one pass rather than one query per project. */
  stmt = rk_database_prepare (db, "SELECT project_id, date, text, done FROM milestone"
                                  " ORDER BY project_id, date, created_at", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Project *project = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
      Milestone *milestone;

      if (project == NULL)
        continue;

      milestone = g_new0 (Milestone, 1);
      milestone->date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      milestone->text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      milestone->done = sqlite3_column_int (stmt, 3) != 0;
      if (project->milestones == NULL)
        project->milestones = g_ptr_array_new_with_free_func (milestone_free);
      g_ptr_array_add (project->milestones, milestone);
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the projects for the report"));
      return FALSE;
    }

  return TRUE;
}

/**
 * rk_report_document_new:
 * @report_id: (nullable): the report; %NULL for the projects as they are
 *   now, dated today
 *
 * Reads everything the document shows, so that laying it out and drawing
 * it need the database no more.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RkReportDocument *
rk_report_document_new (RkDatabase  *db,
                        const char  *report_id,
                        GError     **error)
{
  g_autoptr(RkReportDocument) self = g_new0 (RkReportDocument, 1);

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  self->projects = g_ptr_array_new_with_free_func (project_free);
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  self->page_starts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->title_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->title_ys = g_array_new (FALSE, TRUE, sizeof (double));
  self->toc_layouts = g_ptr_array_new_with_free_func (g_object_unref);

  if (report_id != NULL)
    {
      g_autoptr(RkReport) report = rk_report_load (db, report_id, error);

      if (report == NULL)
        return NULL;
      self->is_report = TRUE;
      self->is_draft = !rk_report_is_adopted (report);
      self->title = g_strdup (rk_report_get_title (report));
      self->as_of = g_strdup (rk_report_get_as_of (report));
      self->summary = rk_summary_new_for_report (db, report_id, error);
    }
  else
    {
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();

      self->title = g_strdup (_("Current State of the Projects"));
      self->as_of = g_date_time_format (today, "%Y-%m-%d");
      self->summary = rk_summary_new_for_projects (db, error);
    }

  if (self->summary == NULL || !load_projects (self, db, report_id, error))
    return NULL;

  self->headline = rk_summary_get_headline (self->summary);
  return g_steal_pointer (&self);
}

static void
clear_layout (RkReportDocument *self)
{
  g_array_set_size (self->items, 0);
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->page_starts, 0);
  g_ptr_array_set_size (self->sections, 0);
  g_ptr_array_set_size (self->title_layouts, 0);
  g_array_set_size (self->title_ys, 0);
  g_ptr_array_set_size (self->toc_layouts, 0);
  g_clear_object (&self->toc_heading);
  g_clear_object (&self->footer_left);
  g_clear_pointer (&self->chart, rk_chart_free);
  g_clear_object (&self->context);
  self->n_pages = 0;
}

void
rk_report_document_free (RkReportDocument *self)
{
  if (self == NULL)
    return;

  if (self->items != NULL)
    clear_layout (self);
  g_free (self->title);
  g_free (self->as_of);
  g_clear_pointer (&self->summary, rk_summary_unref);
  g_free (self->headline);
  g_clear_pointer (&self->projects, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->title_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->title_ys, g_array_unref);
  g_clear_pointer (&self->toc_layouts, g_ptr_array_unref);
  g_free (self);
}

const char *
rk_report_document_get_title (RkReportDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* Laying out */

typedef enum {
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_LABEL,
  STYLE_PROJECT,
  STYLE_CHAPTER,
  STYLE_OVERLINE,
  STYLE_LEAD,
  STYLE_FOOTER,
} Style;

static const struct {
  double size;
  PangoWeight weight;
} styles[] = {
  [STYLE_BODY] = { 10, PANGO_WEIGHT_NORMAL },
  [STYLE_SMALL] = { 9, PANGO_WEIGHT_NORMAL },
  [STYLE_LABEL] = { 9, PANGO_WEIGHT_BOLD },
  [STYLE_PROJECT] = { 11.5, PANGO_WEIGHT_BOLD },
  [STYLE_CHAPTER] = { 20, PANGO_WEIGHT_BOLD },
  [STYLE_OVERLINE] = { 10, PANGO_WEIGHT_BOLD },
  [STYLE_LEAD] = { 12.5, PANGO_WEIGHT_NORMAL },
  [STYLE_FOOTER] = { 8.5, PANGO_WEIGHT_NORMAL },
};

static double
content_width (RkReportDocument *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

static PangoLayout *
make_layout (RkReportDocument *self,
             double            size,
             PangoWeight       weight,
             double            width,
             const char       *text,
             gboolean          markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static Item *
add_text (RkReportDocument *self,
          Style             style,
          const char       *text,
          gboolean          markup,
          double            space_before,
          double            indent)
{
  Item item = { 0 };

  item.kind = ITEM_TEXT;
  item.layout = make_layout (self, styles[style].size, styles[style].weight,
                             content_width (self) - indent, text, markup);
  item.color = &text_color;
  item.indent = indent;
  item.space_before = space_before;
  item.height = layout_height (item.layout);
  item.splittable = TRUE;
  item.section = -1;
  g_array_append_val (self->items, item);

  return &g_array_index (self->items, Item, self->items->len - 1);
}

static int
add_section (RkReportDocument *self,
             const char       *title,
             const char       *number)
{
  Section *section = g_new0 (Section, 1);

  section->title = g_strdup (title);
  section->number = g_strdup (number);
  g_ptr_array_add (self->sections, section);
  return self->sections->len - 1;
}

static void
add_summary (RkReportDocument *self)
{
  g_autofree char *volume = rk_format_money (self->summary->volume_cents);
  g_autofree char *volume_line = NULL;
  Item *item;
  Item chart = { 0 };

  item = add_text (self, STYLE_CHAPTER, _("Summary"), FALSE, 0, 0);
  item->new_page = TRUE;
  item->keep_with_next = TRUE;
  item->color = &heading_color;
  item->section = add_section (self, _("Summary"), NULL);

  add_text (self, STYLE_LEAD, self->headline, FALSE, 14, 0);

  /* Translators: %s is an amount of money */
  volume_line = g_strdup_printf (_("Total project volume: %s"), volume);
  add_text (self, STYLE_BODY, volume_line, FALSE, 10, 0);
  if (self->is_report)
    {
      item = add_text (self, STYLE_SMALL,
                       _("A progress report records each project’s status and current-status text; the volumes, lead ministries and milestones shown are those recorded for the projects today."),
                       FALSE, 4, 0);
      item->color = &muted_color;
    }

  item = add_text (self, STYLE_LABEL, _("Projects per field of action by status"), FALSE, 22, 0);
  item->keep_with_next = TRUE;

  self->chart = rk_chart_new (self->summary);
  rk_chart_set_colors (self->chart, &text_color, &white);
  chart.kind = ITEM_CHART;
  chart.space_before = 10;
  chart.height = rk_chart_layout (self->chart, self->context, content_width (self));
  chart.section = -1;
  g_array_append_val (self->items, chart);
}

static void
add_chapter (RkReportDocument *self,
             RkSummaryField   *field,
             guint             number)
{
  g_autofree char *money = rk_format_money (field->volume_cents);
  g_autofree char *facts = NULL;
  g_autofree char *number_text = number > 0 ? g_strdup_printf ("%u", number) : NULL;
  Item *item;

  if (number > 0)
    {
      /* Translators: above a chapter of the report, “Field of action 1” */
      g_autofree char *overline = g_strdup_printf (_("Field of action %u"), number);

      item = add_text (self, STYLE_OVERLINE, overline, FALSE, 0, 0);
      item->new_page = TRUE;
      item->keep_with_next = TRUE;
      item->color = &heading_color;
      item->section = add_section (self, field->name, number_text);
      item = add_text (self, STYLE_CHAPTER, field->name, FALSE, 2, 0);
    }
  else
    {
      item = add_text (self, STYLE_CHAPTER, field->name, FALSE, 0, 0);
      item->new_page = TRUE;
      item->section = add_section (self, field->name, NULL);
    }
  item->keep_with_next = TRUE;
  item->color = &heading_color;

  if (field->total == 0)
    {
      item = add_text (self, STYLE_BODY, _("There are no projects in this field of action."), FALSE, 8, 0);
      item->color = &muted_color;
      return;
    }

  /* Translators: under a chapter's heading: “12 projects, total volume
   * 1.234.567,00 €” */
  facts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project, total volume %s",
                                        "%u projects, total volume %s", field->total),
                           field->total, money);
  item = add_text (self, STYLE_BODY, facts, FALSE, 6, 0);
  item->color = &muted_color;
}

static void
add_project (RkReportDocument *self,
             Project          *project,
             gboolean          first)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *volume = project->volume_cents >= 0 ? rk_format_money (project->volume_cents) : NULL;
  g_autofree char *title = NULL;
  double swatch_indent = 14;
  guint start = self->items->len;
  Item *item, *start_item;

  if (project->code != NULL)
    title = g_strdup_printf ("%s  %s", project->code, project->title);
  item = add_text (self, STYLE_PROJECT, title != NULL ? title : project->title, FALSE, first ? 20 : 18, 0);
  item->keep_with_next = TRUE;
  item->splittable = FALSE;

  /* Status, lead ministry and volume on one line, labels in bold. */
  {
    g_autofree char *status = g_markup_printf_escaped ("<b>%s</b> %s", _("Status:"),
                                                       rk_status_get_label (project->status));
    g_autofree char *ministry = g_markup_printf_escaped ("<b>%s</b> %s", _("Lead ministry:"),
                                                         project->lead_ministry != NULL &&
                                                         *project->lead_ministry != '\0'
                                                         ? project->lead_ministry : "–");
    g_autofree char *amount = g_markup_printf_escaped ("<b>%s</b> %s", _("Volume:"),
                                                       volume != NULL ? volume : _("not recorded"));

    g_string_append_printf (meta, "%s     %s     %s", status, ministry, amount);
  }
  item = add_text (self, STYLE_SMALL, meta->str, TRUE, 4, swatch_indent);
  item->kind = ITEM_STATUS_TEXT;
  item->status = project->status;
  item->keep_with_next = TRUE;
  item->splittable = FALSE;

  item = add_text (self, STYLE_LABEL, _("Current status"), FALSE, 8, 0);
  item->keep_with_next = TRUE;
  item->splittable = FALSE;
  if (project->text != NULL && *project->text != '\0')
    add_text (self, STYLE_BODY, project->text, FALSE, 2, 0);
  else
    {
      item = add_text (self, STYLE_BODY, _("No current status recorded."), FALSE, 2, 0);
      item->color = &muted_color;
    }

  if (project->milestones != NULL)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 62);

      item = add_text (self, STYLE_LABEL, _("Milestones"), FALSE, 8, 0);
      item->keep_with_next = TRUE;
      item->splittable = FALSE;

      for (guint i = 0; i < project->milestones->len; i++)
        {
          Milestone *milestone = g_ptr_array_index (project->milestones, i);
          g_autofree char *date = rk_format_date (milestone->date);
          g_autofree char *line = NULL;

          if (milestone->done)
            line = g_markup_printf_escaped ("%s\t%s", date, milestone->text);
          else
            /* Translators: a milestone not reached yet, in the report */
            line = g_markup_printf_escaped ("%s\t%s <i>(%s)</i>", date, milestone->text, _("open"));
          if (lines->len > 0)
            g_string_append_c (lines, '\n');
          g_string_append (lines, line);
        }

      item = add_text (self, STYLE_BODY, lines->str, TRUE, 2, 0);
      pango_layout_set_tabs (item->layout, tabs);
      item->height = layout_height (item->layout);
      pango_tab_array_free (tabs);
    }

  /* A project reads best on one page: its milestones apart from its name
   * say little. */
  start_item = &g_array_index (self->items, Item, start);
  for (guint i = start; i < self->items->len; i++)
    {
      Item *part = &g_array_index (self->items, Item, i);

      start_item->block_height += (i > start ? part->space_before : 0) + part->height;
    }
}

static void
build_items (RkReportDocument *self)
{
  guint next_project = 0;

  add_summary (self);

  for (guint f = 0; f < self->summary->fields->len; f++)
    {
      RkSummaryField *field = g_ptr_array_index (self->summary->fields, f);
      gboolean first = TRUE;

      add_chapter (self, field, field->field_id != NULL ? f + 1 : 0);

      /* The projects come in the order of the fields, so each chapter
       * takes the next run of them. */
      while (next_project < self->projects->len)
        {
          Project *project = g_ptr_array_index (self->projects, next_project);

          if (g_strcmp0 (project->field_id, field->field_id) != 0)
            break;
          add_project (self, project, first);
          first = FALSE;
          next_project++;
        }
    }
}

/* Where the lines of a layout end, from its top: a paragraph breaks only
 * there. */
static GArray *
line_bottoms (PangoLayout *layout)
{
  GArray *bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return bottoms;
}

static double
first_line_height (Item *item)
{
  g_autoptr(GArray) bottoms = NULL;

  if (!item->splittable || item->layout == NULL)
    return item->height;

  bottoms = line_bottoms (item->layout);
  return g_array_index (bottoms, double, 0);
}

static void
place (RkReportDocument *self,
       guint             item,
       guint             page,
       double            y,
       double            offset,
       double            height)
{
  Placement placement = { item, page, y, offset, height };

  g_array_append_val (self->placements, placement);
}

static void
place_items (RkReportDocument *self)
{
  double top = MARGIN_TOP;
  double bottom = self->page_height - MARGIN_BOTTOM;
  double y = top;
  guint page = FIRST_FLOW_PAGE;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      double space = y > top ? item->space_before : 0;
      double need = item->height;

      if (item->new_page && y > top)
        {
          page++;
          y = top;
          space = 0;
        }

      /* A heading goes with what follows it, at least its first line. */
      for (guint j = i; j + 1 < self->items->len; j++)
        {
          Item *current = &g_array_index (self->items, Item, j);
          Item *next = &g_array_index (self->items, Item, j + 1);

          if (!current->keep_with_next)
            break;
          need += next->space_before + (next->keep_with_next ? next->height : first_line_height (next));
        }

      if (y > top && (y + space + need > bottom ||
                      (item->block_height > 0 && y + space + item->block_height > bottom &&
                       item->block_height <= bottom - top)))
        {
          page++;
          y = top;
          space = 0;
        }
      y += space;

      if (item->section >= 0)
        ((Section *) g_ptr_array_index (self->sections, item->section))->page = page;

      if (!item->splittable || y + item->height <= bottom)
        {
          place (self, i, page, y, 0, item->height);
          y += item->height;
          continue;
        }

      /* Break the paragraph between lines, over as many pages as it
       * takes. */
      {
        g_autoptr(GArray) bottoms = line_bottoms (item->layout);
        double offset = 0;
        guint line = 0;

        while (line < bottoms->len)
          {
            double room = bottom - y;
            guint last = line;

            while (last < bottoms->len && g_array_index (bottoms, double, last) - offset <= room)
              last++;

            if (last == line)
              {
                if (y > top)
                  {
                    page++;
                    y = top;
                    continue;
                  }
                last = line + 1;   /* a line taller than a page */
              }

            {
              double end = g_array_index (bottoms, double, last - 1);

              place (self, i, page, y, offset, end - offset);
              y += end - offset;
              offset = end;
              line = last;
            }

            if (line < bottoms->len)
              {
                page++;
                y = top;
              }
          }
      }
    }

  self->n_pages = page + 1;

  /* Where each page's placements start, for drawing one page quickly. */
  g_array_set_size (self->page_starts, 0);
  for (guint p = 0, k = 0; p <= self->n_pages; p++)
    {
      while (k < self->placements->len && g_array_index (self->placements, Placement, k).page < p)
        k++;
      g_array_append_val (self->page_starts, k);
    }
}

typedef struct
{
  double       size;
  PangoWeight  weight;
  const char  *text;
  const RkRgb *color;
  double       space_before;
} TitleLine;

static void
build_title_page (RkReportDocument *self)
{
  double y = self->page_height * 0.28;
  g_autofree char *date = rk_format_date (self->as_of);
  g_autofree char *as_of = NULL;
  TitleLine lines[5];
  guint n = 0;

  /* Translators: on the title page of a report; %s is a date */
  as_of = g_strdup_printf (_("Reporting date: %s"), date);

  lines[n++] = (TitleLine) { 18, PANGO_WEIGHT_BOLD, "Ruhr-Konferenz", &heading_color, 0 };
  lines[n++] = (TitleLine) { 12.5, PANGO_WEIGHT_NORMAL,
                             self->is_report ? _("Progress report") : _("Overview of the projects"),
                             &muted_color, 6 };
  lines[n++] = (TitleLine) { 28, PANGO_WEIGHT_BOLD, self->title, &text_color, 28 };
  lines[n++] = (TitleLine) { 12.5, PANGO_WEIGHT_NORMAL, as_of, &text_color, 18 };
  if (self->is_report && self->is_draft)
    lines[n++] = (TitleLine) { 12.5, PANGO_WEIGHT_BOLD, _("Draft – not adopted"), &draft_color, 10 };

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = make_layout (self, lines[i].size, lines[i].weight, content_width (self),
                                         lines[i].text, FALSE);

      y += lines[i].space_before;
      g_object_set_data (G_OBJECT (layout), "rk-color", (gpointer) lines[i].color);
      g_ptr_array_add (self->title_layouts, layout);
      g_array_append_val (self->title_ys, y);
      y += layout_height (layout);
    }
}

static void
build_contents (RkReportDocument *self)
{
  self->toc_heading = make_layout (self, styles[STYLE_CHAPTER].size, styles[STYLE_CHAPTER].weight,
                                   content_width (self), _("Contents"), FALSE);

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);
      g_autofree char *title = section->number != NULL
                               ? g_strdup_printf ("%s  %s", section->number, section->title)
                               : g_strdup (section->title);
      g_autofree char *page = g_strdup_printf ("%u", section->page + 1);

      g_ptr_array_add (self->toc_layouts,
                       make_layout (self, styles[STYLE_BODY].size + 1, PANGO_WEIGHT_NORMAL,
                                    content_width (self) - 60, title, FALSE));
      g_ptr_array_add (self->toc_layouts,
                       make_layout (self, styles[STYLE_BODY].size + 1, PANGO_WEIGHT_NORMAL, -1, page, FALSE));
    }

  self->footer_left = make_layout (self, styles[STYLE_FOOTER].size, PANGO_WEIGHT_NORMAL,
                                   content_width (self) * 0.7, self->title, FALSE);
  pango_layout_set_ellipsize (self->footer_left, PANGO_ELLIPSIZE_END);
}

/**
 * rk_report_document_paginate:
 * @cr: a context on the surface the pages go to; the text is laid out
 *   for it, in its user units, which must be points
 * @page_width: the page's width in points
 * @page_height: the page's height in points
 *
 * Lays the document out on pages of that size.
 *
 * Returns: the number of pages
 */
guint
rk_report_document_paginate (RkReportDocument *self,
                             cairo_t          *cr,
                             double            page_width,
                             double            page_height)
{
  cairo_font_options_t *options;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  clear_layout (self);
  self->page_width = page_width;
  self->page_height = page_height;

  /* Unhinted, at 72 units per inch: the text is laid out in points and
   * lands in the same place on paper, in the PDF and in print. */
  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context, pango_language_get_default ());
  {
    /* The chart takes the context's font as its own. */
    PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

    pango_font_description_set_size (font, (int) (styles[STYLE_SMALL].size * PANGO_SCALE));
    pango_context_set_font_description (self->context, font);
    pango_font_description_free (font);
  }

  build_items (self);
  place_items (self);
  build_title_page (self);
  build_contents (self);

  return self->n_pages;
}

guint
rk_report_document_get_n_pages (RkReportDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

/* Drawing */

static void
set_source (cairo_t     *cr,
            const RkRgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->red, rgb->green, rgb->blue);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_title_page (RkReportDocument *self,
                 cairo_t          *cr)
{
  /* A band in the heading colour marks the cover. */
  set_source (cr, &heading_color);
  cairo_rectangle (cr, MARGIN_SIDE, self->page_height * 0.28 - 24, 48, 5);
  cairo_fill (cr);

  for (guint i = 0; i < self->title_layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->title_layouts, i);

      set_source (cr, g_object_get_data (G_OBJECT (layout), "rk-color"));
      show_layout (cr, layout, MARGIN_SIDE, g_array_index (self->title_ys, double, i));
    }
}

static void
draw_contents (RkReportDocument *self,
               cairo_t          *cr)
{
  double y = MARGIN_TOP;
  double right = self->page_width - MARGIN_SIDE;

  set_source (cr, &heading_color);
  show_layout (cr, self->toc_heading, MARGIN_SIDE, y);
  y += layout_height (self->toc_heading) + 18;

  for (guint i = 0; i < self->sections->len; i++)
    {
      PangoLayout *title = g_ptr_array_index (self->toc_layouts, 2 * i);
      PangoLayout *page = g_ptr_array_index (self->toc_layouts, 2 * i + 1);
      g_autofree char *link = g_strdup_printf ("dest='section-%u'", i);
      double title_width = layout_width (title), page_width = layout_width (page);
      double height = layout_height (title);
      int baseline = pango_layout_get_baseline (title);

      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
      set_source (cr, &text_color);
      show_layout (cr, title, MARGIN_SIDE, y);
      show_layout (cr, page, right - page_width, y);
      cairo_tag_end (cr, CAIRO_TAG_LINK);

      /* Dot leaders from the title to its page number. */
      cairo_save (cr);
      set_source (cr, &muted_color);
      cairo_set_line_width (cr, 0.8);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, (double[]) { 0, 3.5 }, 2, 0);
      cairo_move_to (cr, MARGIN_SIDE + title_width + 6, y + (double) baseline / PANGO_SCALE);
      cairo_line_to (cr, right - page_width - 6, y + (double) baseline / PANGO_SCALE);
      cairo_stroke (cr);
      cairo_restore (cr);

      y += height + 8;
    }
}

static void
draw_footer (RkReportDocument *self,
             cairo_t          *cr,
             guint             page)
{
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *text = NULL;
  double y = self->page_height - FOOTER_Y_FROM_BOTTOM;

  /* Translators: the page number in the report's footer */
  text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  number = make_layout (self, styles[STYLE_FOOTER].size, PANGO_WEIGHT_NORMAL, -1, text, FALSE);

  set_source (cr, &muted_color);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, y - 6);
  cairo_line_to (cr, self->page_width - MARGIN_SIDE, y - 6);
  cairo_stroke (cr);

  show_layout (cr, self->footer_left, MARGIN_SIDE, y);
  show_layout (cr, number, self->page_width - MARGIN_SIDE - layout_width (number), y);
}

static void
draw_placement (RkReportDocument *self,
                cairo_t          *cr,
                const Placement  *placement)
{
  Item *item = &g_array_index (self->items, Item, placement->item);
  double x = MARGIN_SIDE + item->indent;
  g_autofree char *dest = NULL;

  cairo_save (cr);

  if (item->section >= 0 && placement->offset == 0)
    {
      dest = g_strdup_printf ("name='section-%d'", item->section);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
    }

  /* Part of a paragraph: only its lines that belong on this page. */
  if (placement->offset > 0 || placement->height < item->height - 0.01)
    {
      cairo_rectangle (cr, 0, placement->y, self->page_width, placement->height);
      cairo_clip (cr);
    }

  switch (item->kind)
    {
    case ITEM_CHART:
      cairo_translate (cr, MARGIN_SIDE, placement->y);
      rk_chart_draw (self->chart, cr);
      break;

    case ITEM_STATUS_TEXT:
      {
        double size = 8.5;
        double line = first_line_height (item);

        set_source (cr, rk_chart_get_status_color (item->status));
        cairo_rectangle (cr, MARGIN_SIDE, placement->y + (line - size) / 2, size, size);
        cairo_fill (cr);
      }
      G_GNUC_FALLTHROUGH;

    case ITEM_TEXT:
    default:
      set_source (cr, item->color);
      show_layout (cr, item->layout, x, placement->y - placement->offset);
      break;
    }

  if (dest != NULL)
    cairo_tag_end (cr, CAIRO_TAG_DEST);

  cairo_restore (cr);
}

/**
 * rk_report_document_draw_page:
 * @page: from 0
 *
 * Draws a page as the last rk_report_document_paginate() laid it out.
 */
void
rk_report_document_draw_page (RkReportDocument *self,
                              cairo_t          *cr,
                              guint             page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);

  if (page == 0)
    draw_title_page (self, cr);
  else if (page == 1)
    draw_contents (self, cr);
  else
    for (guint k = g_array_index (self->page_starts, guint, page);
         k < g_array_index (self->page_starts, guint, page + 1);
         k++)
      draw_placement (self, cr, &g_array_index (self->placements, Placement, k));

  if (page > 0)
    draw_footer (self, cr, page);

  cairo_restore (cr);
}

/* Writing the PDF */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *write = closure;

  if (write->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (write->stream, data, length, NULL,
                                  write->cancellable, &write->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_pdf (RkReportDocument  *document,
            WriteClosure      *write,
            GError           **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  guint n_pages;

  surface = cairo_pdf_surface_create_for_stream (write_cb, write,
                                                 RK_REPORT_PAGE_WIDTH, RK_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, "Ruhr-Konferenz");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ruhr-Konferenz " VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);

  n_pages = rk_report_document_paginate (document, cr, RK_REPORT_PAGE_WIDTH, RK_REPORT_PAGE_HEIGHT);
  for (guint page = 0; page < n_pages && write->error == NULL; page++)
    {
      if (g_cancellable_set_error_if_cancelled (write->cancellable, &write->error))
        break;
      rk_report_document_draw_page (document, cr, page);
      cairo_show_page (cr);
    }

  /* The outline a PDF reader shows beside the pages. */
  for (guint i = 0; i < document->sections->len; i++)
    {
      Section *section = g_ptr_array_index (document->sections, i);
      g_autofree char *link = g_strdup_printf ("dest='section-%u'", i);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section->title, link, 0);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (write->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&write->error));
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s says what went wrong in the drawing library */
                   _("The PDF could not be made: %s."), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * rk_report_pdf_write:
 * @report_id: (nullable): the report, or %NULL for the projects as they
 *   are now
 * @file: where the PDF goes; an existing file is replaced only once the
 *   new one is complete
 *
 * Writes the report as a PDF of A4 pages.
 */
gboolean
rk_report_pdf_write (RkDatabase    *db,
                     const char    *report_id,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(RkReportDocument) document = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  WriteClosure write = { NULL, cancellable, NULL };

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = rk_report_document_new (db, report_id, error);
  if (document == NULL)
    return FALSE;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The PDF could not be written: %s."), local_error->message);
      return FALSE;
    }
  write.stream = G_OUTPUT_STREAM (stream);

  if (!render_pdf (document, &write, &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the half-written copy
       * and leaves any earlier file as it was. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("The PDF could not be written: %s."), local_error->message);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The PDF could not be written: %s."), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Writing in a thread, on a connection of its own */

typedef struct
{
  char  *database_path;
  char  *report_id;
  GFile *file;
} WriteTask;

static void
write_task_free (gpointer data)
{
  WriteTask *task = data;

  g_free (task->database_path);
  g_free (task->report_id);
  g_clear_object (&task->file);
  g_free (task);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteTask *data = task_data;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = rk_database_open (data->database_path, RK_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL || !rk_report_pdf_write (db, data->report_id, data->file, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rk_report_pdf_write_async:
 *
 * Writes the PDF in a thread, reading from a read-only connection of its
 * own to the same database file, so the window stays responsive; what
 * was committed before the call is what the PDF shows.
 */
void
rk_report_pdf_write_async (RkDatabase          *db,
                           const char          *report_id,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteTask *data = g_new0 (WriteTask, 1);

  g_return_if_fail (RK_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  data->database_path = g_strdup (rk_database_get_path (db));
  data->report_id = g_strdup (report_id);
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rk_report_pdf_write_async);
  g_task_set_task_data (task, data, write_task_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
rk_report_pdf_write_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
