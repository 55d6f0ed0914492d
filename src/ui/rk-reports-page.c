/* rk-reports-page.c: the Reports section, progress reports beside their
 * entries
 *
 * The list holds the reports, newest reporting date first. The detail
 * shows one: its title and reporting date, its headline sentence, and an
 * expandable row per project with the status and current-status text the
 * report records. While the report is a draft these can be edited, and
 * save themselves as the project editor's fields do; entries whose text is
 * still word for word the previous report's are flagged, so the draft
 * shows what has not been brought up to date. Once adopted the report is
 * frozen (the model layer refuses every change) and the page says so;
 * "Duplicate as Draft" starts the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"
#include "rk-date-row.h"
#include "rk-format.h"
#include "rk-report-pdf.h"
#include "rk-report.h"
#include "rk-reports-page.h"
#include "rk-summary.h"
#include "rk-text-area.h"
#include "rk-toast.h"

#define SAVE_DELAY_MS 500
#define ENTRY_ROWS_AT_ONCE 60

struct _RkReportsPage
{
  GtkWidget           parent_instance;

  RkDatabase         *db;
  RkRecordList       *list;
  RkReport           *report;        /* the one shown; an item of the list */
  RkReportComparison *comparison;    /* with the previous report, if any */
  GListModel         *entries;
  GPtrArray          *entry_rows;    /* AdwExpanderRow, parallel to entries */
  GHashTable         *dirty_entries; /* RkReportEntry whose edits wait */
  gboolean            report_dirty;
  gboolean            loading;
  guint               save_id;
  guint               reselect_id;
  guint               build_id;      /* adds the rows of a long report */
  GCancellable       *cancellable;   /* of the PDF export under way */

  AdwLeaflet         *leaflet;
  GtkStack           *list_stack;
  GtkListBox         *report_list;
  GtkButton          *back_button;
  GtkLabel           *detail_title;
  GtkButton          *adopt_button;
  GtkStack           *detail_stack;
  GtkLabel           *adopted_label;
  AdwEntryRow        *title_row;
  RkDateRow          *as_of_row;
  AdwActionRow       *state_row;
  GtkLabel           *headline_label;
  GtkLabel           *completeness_label;
  AdwPreferencesGroup *entries_group;
};

G_DEFINE_FINAL_TYPE (RkReportsPage, rk_reports_page, GTK_TYPE_WIDGET)

static void show_report (RkReportsPage *self,
                         RkReport      *report);

static gboolean
is_draft (RkReportsPage *self)
{
  return self->report != NULL && !rk_report_is_adopted (self->report);
}

/* A draft in a database that can be written; otherwise the report is
 * shown read-only, its texts still there to read and copy. */
static gboolean
can_edit (RkReportsPage *self)
{
  return is_draft (self) && self->db != NULL && !rk_database_get_read_only (self->db);
}

static void
update_actions (RkReportsPage *self)
{
  gboolean writable = self->db != NULL && !rk_database_get_read_only (self->db);
  gboolean shown = self->report != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.adopt", writable && is_draft (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.duplicate", writable && shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.compare",
                                 shown && self->comparison != NULL && self->comparison->previous_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.delete", writable && is_draft (self));
}

/* The list */

static void
update_report_row (RkReport     *report,
                   GParamSpec   *pspec,
                   AdwActionRow *row)
{
  g_autofree char *date = rk_format_date (rk_report_get_as_of (report));
  g_autofree char *subtitle = NULL;
  GtkWidget *lock = g_object_get_data (G_OBJECT (row), "lock");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_report_get_title (report));
  /* Translators: under a report's title in the list: its reporting date
   * and its state, “Reporting date 07.12.2021 · Adopted” */
  subtitle = g_strdup_printf (_("Reporting date %s · %s"), date,
                              rk_report_state_get_label (rk_report_get_state (report)));
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (lock, rk_report_is_adopted (report));
}

static GtkWidget *
create_report_row (gpointer item,
                   gpointer user_data)
{
  RkReport *report = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_tooltip_text (lock, _("Adopted"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Adopted"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
  g_object_set_data (G_OBJECT (row), "lock", lock);

  /* The row holds its report, so the list keeps reloading that object
   * and the row follows every change to it. */
  g_object_set_data_full (G_OBJECT (row), "report", g_object_ref (report), g_object_unref);
  g_signal_connect_object (report, "notify", G_CALLBACK (update_report_row), row, 0);
  update_report_row (report, NULL, ADW_ACTION_ROW (row));

  return row;
}

static void
update_list_stack (RkReportsPage *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
select_row_of (RkReportsPage *self,
               const char    *report_id)
{
  guint position;
  GtkListBoxRow *row;

  if (self->list == NULL || report_id == NULL ||
      !rk_record_list_find (self->list, report_id, &position))
    return;

  row = gtk_list_box_get_row_at_index (self->report_list, position);
  if (row != NULL && row != gtk_list_box_get_selected_row (self->report_list))
    gtk_list_box_select_row (self->report_list, row);
}

static gboolean
reselect_cb (gpointer user_data)
{
  RkReportsPage *self = user_data;

  self->reselect_id = 0;
  if (self->report != NULL)
    select_row_of (self, rk_report_get_id (self->report));
  return G_SOURCE_REMOVE;
}

static void
on_row_selected_cb (RkReportsPage *self,
                    GtkListBoxRow *row)
{
  RkReport *report = row != NULL ? g_object_get_data (G_OBJECT (row), "report") : NULL;
  guint position;

  if (self->list == NULL)
    return;

  /* A refresh of the list replaces rows for a moment: the report shown
   * stays shown, and selected once its new row is there. */
  if (report == NULL && self->report != NULL &&
      rk_record_list_find (self->list, rk_report_get_id (self->report), &position))
    {
      if (self->reselect_id == 0)
        self->reselect_id = g_idle_add (reselect_cb, self);
      return;
    }

  if (report != self->report)
    show_report (self, report);
}

static void
on_row_activated_cb (RkReportsPage *self,
                     GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_folded_changed_cb (RkReportsPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

/* Saving */

static gboolean
save_cb (gpointer user_data)
{
  RkReportsPage *self = user_data;

  self->save_id = 0;
  rk_reports_page_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (RkReportsPage *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void update_entry_rows (RkReportsPage *self);

static void
update_completeness (RkReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkReport) previous = NULL;

  g_clear_pointer (&self->comparison, rk_report_comparison_free);
  if (self->report == NULL)
    return;

  previous = rk_report_find_previous (self->report, self->db, &error);
  if (error == NULL)
    self->comparison = rk_report_compare (self->report, previous, self->db, &error);
  if (error != NULL)
    rk_toast_show_error (GTK_WIDGET (self), error);

  if (self->comparison == NULL || self->comparison->previous_id == NULL || !is_draft (self))
    gtk_widget_set_visible (GTK_WIDGET (self->completeness_label), FALSE);
  else
    {
      guint n = g_hash_table_size (self->comparison->unchanged_text);
      g_autofree char *text = NULL;

      if (n > 0)
        /* Translators: %u is a number of projects, %s the previous
         * report's title */
        text = g_strdup_printf (ngettext ("The current-status text of %u project is still that of “%s”.",
                                          "The current-status texts of %u projects are still those of “%s”.", n),
                                n, self->comparison->previous_title);
      else
        /* Translators: %s is the previous report's title */
        text = g_strdup_printf (_("Every project’s current-status text has been brought up to date since “%s”."),
                                self->comparison->previous_title);
      gtk_label_set_text (self->completeness_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->completeness_label), TRUE);
    }

  update_entry_rows (self);
  update_actions (self);
}

static void
update_headline (RkReportsPage *self)
{
  g_autoptr(RkSummary) summary = NULL;
  g_autofree char *headline = NULL;

  if (self->report == NULL)
    return;

  summary = rk_summary_new_for_report (self->db, rk_report_get_id (self->report), NULL);
  if (summary != NULL)
    headline = rk_summary_get_headline (summary);
  gtk_label_set_text (self->headline_label, headline != NULL ? headline : "");
}

/**
 * rk_reports_page_flush:
 *
 * Saves what is pending now; done when the user leaves the report or the
 * window.
 *
 * Returns: %FALSE when something could not be stored; a toast says why
 */
gboolean
rk_reports_page_flush (RkReportsPage *self)
{
  GHashTableIter iter;
  gpointer entry;
  gboolean ok = TRUE, saved_entries = FALSE;

  g_return_val_if_fail (RK_IS_REPORTS_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->db == NULL || self->report == NULL)
    return TRUE;

  if (self->report_dirty)
    {
      g_autoptr(GError) error = NULL;

      if (rk_report_save (self->report, self->db, &error))
        self->report_dirty = FALSE;
      else
        {
          rk_toast_show_error (GTK_WIDGET (self), error);
          ok = FALSE;
        }
    }

  g_hash_table_iter_init (&iter, self->dirty_entries);
  while (g_hash_table_iter_next (&iter, &entry, NULL))
    {
      g_autoptr(GError) error = NULL;

      if (rk_report_entry_save (entry, self->db, &error))
        {
          g_hash_table_iter_remove (&iter);
          saved_entries = TRUE;
        }
      else
        {
          rk_toast_show_error (GTK_WIDGET (self), error);
          ok = FALSE;
          break;
        }
    }

  if (saved_entries)
    {
      update_headline (self);
      update_completeness (self);
    }

  return ok;
}

static void
on_title_changed_cb (RkReportsPage *self)
{
  g_autofree char *title = NULL;

  if (self->loading || !can_edit (self))
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (*title == '\0')
    {
      /* Kept on screen, never stored, until it is a title again. */
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  g_object_set (self->report, "title", title, NULL);
  gtk_label_set_text (self->detail_title, title);
  self->report_dirty = TRUE;
  schedule_save (self);
}

static void
on_as_of_changed_cb (RkReportsPage *self)
{
  const char *date = rk_date_row_get_date (self->as_of_row);

  if (self->loading || !can_edit (self))
    return;

  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->as_of_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_row), "error");
  g_object_set (self->report, "as-of", date, NULL);
  self->report_dirty = TRUE;
  rk_reports_page_flush (self);
  /* Another date may make another report the previous one. */
  update_completeness (self);
}

/* Entries */

static void
update_entry_row (RkReportsPage *self,
                  guint          index)
{
  g_autoptr(RkReportEntry) entry = g_list_model_get_item (self->entries, index);
  AdwExpanderRow *row = g_ptr_array_index (self->entry_rows, index);
  GtkWidget *flag = g_object_get_data (G_OBJECT (row), "flag");
  gboolean unchanged = is_draft (self) && self->comparison != NULL &&
                       self->comparison->previous_id != NULL &&
                       rk_report_comparison_text_unchanged (self->comparison, rk_report_entry_get_id (entry));
  const char *status = rk_status_get_label (rk_report_entry_get_status (entry));
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  if (unchanged)
    /* Translators: under a project in a draft report: its status, and
     * that its text is as in the previous report */
    subtitle = g_strdup_printf (_("%s · Text unchanged since the previous report"), status);
  adw_expander_row_set_subtitle (row, subtitle != NULL ? subtitle : status);
  gtk_widget_set_visible (flag, unchanged);

  accessible = g_strjoin (", ", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          subtitle != NULL ? subtitle : status, NULL);
  rk_a11y_label_with_lists (GTK_WIDGET (row), accessible);
}

static void
update_entry_rows (RkReportsPage *self)
{
  for (guint i = 0; self->entries != NULL && i < self->entry_rows->len; i++)
    update_entry_row (self, i);
}

static void
on_entry_text_changed_cb (GtkTextBuffer *buffer,
                          RkReportsPage *self)
{
  RkReportEntry *entry = g_object_get_data (G_OBJECT (buffer), "entry");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading || !can_edit (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (entry, "text", text, NULL);
  g_hash_table_add (self->dirty_entries, g_object_ref (entry));
  schedule_save (self);
}

static void
on_entry_status_selected_cb (AdwComboRow   *combo,
                             GParamSpec    *pspec,
                             RkReportsPage *self)
{
  RkReportEntry *entry = g_object_get_data (G_OBJECT (combo), "entry");
  guint selected = adw_combo_row_get_selected (combo);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (combo), "index"));

  if (self->loading || !can_edit (self) || selected == GTK_INVALID_LIST_POSITION ||
      selected == rk_report_entry_get_status (entry))
    return;

  g_object_set (entry, "status", selected, NULL);
  g_hash_table_add (self->dirty_entries, g_object_ref (entry));
  rk_reports_page_flush (self);
  update_entry_row (self, index);
}

/* An entry's editors are made when it is first expanded: a report of a
 * thousand projects shows a thousand rows, not a thousand text views. */
static void
on_entry_expanded_cb (AdwExpanderRow *row,
                      GParamSpec     *pspec,
                      RkReportsPage  *self)
{
  RkReportEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *combo, *box, *label, *area;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  gboolean editable = can_edit (self);

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "built") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "built", GINT_TO_POINTER (TRUE));

  self->loading = TRUE;

  for (guint i = 0; i < RK_N_STATUSES; i++)
    gtk_string_list_append (statuses, rk_status_get_label (i));
  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (statuses));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (combo), FALSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), rk_report_entry_get_status (entry));
  gtk_widget_set_sensitive (combo, editable);
  g_object_set_data (G_OBJECT (combo), "entry", entry);
  g_object_set_data (G_OBJECT (combo), "index", g_object_get_data (G_OBJECT (row), "index"));
  g_signal_connect (combo, "notify::selected", G_CALLBACK (on_entry_status_selected_cb), self);
  adw_expander_row_add_row (row, combo);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = gtk_label_new (_("Current Status"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  area = rk_text_area_new (label, &view);
  gtk_text_view_set_editable (view, editable);
  gtk_text_view_set_cursor_visible (view, editable);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_set_text (buffer, rk_report_entry_get_text (entry), -1);
  g_object_set_data (G_OBJECT (buffer), "entry", entry);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_entry_text_changed_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), area);
  adw_expander_row_add_row (row, box);

  self->loading = FALSE;
}

static void
clear_entries (RkReportsPage *self)
{
  g_clear_handle_id (&self->build_id, g_source_remove);
  for (guint i = 0; i < self->entry_rows->len; i++)
    adw_preferences_group_remove (self->entries_group, g_ptr_array_index (self->entry_rows, i));
  g_ptr_array_set_size (self->entry_rows, 0);
  g_hash_table_remove_all (self->dirty_entries);
  g_clear_object (&self->entries);
}

/* Adds the next rows; returns whether more are to come. */
static gboolean
add_entry_rows (RkReportsPage *self,
                guint          count)
{
  guint n = g_list_model_get_n_items (self->entries);
  guint end = MIN (self->entry_rows->len + count, n);

  for (guint i = self->entry_rows->len; i < end; i++)
    {
      g_autoptr(RkReportEntry) entry = g_list_model_get_item (self->entries, i);
      const char *code = rk_report_entry_get_project_code (entry);
      g_autofree char *title = code != NULL
                               ? g_strdup_printf ("%s  %s", code, rk_report_entry_get_project_title (entry))
                               : g_strdup (rk_report_entry_get_project_title (entry));
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *flag = gtk_image_new_from_icon_name ("document-edit-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_tooltip_text (flag, _("The current-status text is unchanged since the previous report"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The current-status text is unchanged since the previous report"), -1);
      gtk_widget_add_css_class (flag, "warning");
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), flag);
      g_object_set_data (G_OBJECT (row), "flag", flag);
      g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::expanded", G_CALLBACK (on_entry_expanded_cb), self);
      adw_preferences_group_add (self->entries_group, row);
      g_ptr_array_add (self->entry_rows, row);
      update_entry_row (self, i);
    }

  return end < n;
}

static gboolean
add_entry_rows_cb (gpointer user_data)
{
  RkReportsPage *self = user_data;

  if (add_entry_rows (self, ENTRY_ROWS_AT_ONCE))
    return G_SOURCE_CONTINUE;

  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

/* The first rows at once, the rest a batch per main loop turn: a report
 * of a thousand projects shows at once and the window stays responsive
 * while its rows fill in. */
static void
build_entries (RkReportsPage *self)
{
  g_autoptr(GError) error = NULL;

  clear_entries (self);
  if (self->report == NULL)
    return;

  self->entries = rk_report_list_entries (self->report, self->db, &error);
  if (self->entries == NULL)
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  if (add_entry_rows (self, ENTRY_ROWS_AT_ONCE))
    self->build_id = g_idle_add_full (G_PRIORITY_LOW, add_entry_rows_cb, self, NULL);
}

/* The detail */

static void
update_state (RkReportsPage *self)
{
  gboolean draft = is_draft (self);

  gtk_widget_set_visible (GTK_WIDGET (self->adopt_button), draft);
  if (self->report == NULL)
    return;

  adw_action_row_set_subtitle (self->state_row, rk_report_state_get_label (rk_report_get_state (self->report)));
  gtk_widget_set_visible (GTK_WIDGET (self->adopted_label), !draft);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), can_edit (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), can_edit (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->as_of_row), can_edit (self));
  update_actions (self);
}

static void
on_report_state_changed_cb (RkReportsPage *self)
{
  /* Adopted, perhaps from elsewhere: the editors become read-only. */
  update_state (self);
  build_entries (self);
  update_completeness (self);
}

static void
show_report (RkReportsPage *self,
             RkReport      *report)
{
  rk_reports_page_flush (self);

  if (self->report != NULL)
    g_signal_handlers_disconnect_by_func (self->report, on_report_state_changed_cb, self);
  g_set_object (&self->report, report);
  self->report_dirty = FALSE;

  gtk_stack_set_visible_child_name (self->detail_stack, report != NULL ? "report" : "none");
  gtk_label_set_text (self->detail_title, report != NULL ? rk_report_get_title (report) : "");

  if (report != NULL)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), rk_report_get_title (report));
      rk_date_row_set_date (self->as_of_row, rk_report_get_as_of (report));
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_row), "error");
      self->loading = FALSE;

      g_signal_connect_object (report, "notify::state", G_CALLBACK (on_report_state_changed_cb),
                               self, G_CONNECT_SWAPPED);
      update_headline (self);
    }

  update_state (self);
  build_entries (self);
  update_completeness (self);
  update_actions (self);
}

/* Dialogs */

typedef void (*ReportDialogFunc) (RkReportsPage *self,
                                  const char    *title,
                                  const char    *as_of);

static void
on_report_dialog_changed_cb (AdwMessageDialog *dialog)
{
  AdwEntryRow *title_row = g_object_get_data (G_OBJECT (dialog), "title-row");
  RkDateRow *date_row = g_object_get_data (G_OBJECT (dialog), "date-row");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (title_row))));
  const char *response = g_object_get_data (G_OBJECT (dialog), "response");

  adw_message_dialog_set_response_enabled (dialog, response,
                                           *title != '\0' && rk_date_row_get_date (date_row) != NULL);
}

static void
on_report_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RkReportsPage    *self)
{
  AdwEntryRow *title_row = g_object_get_data (G_OBJECT (dialog), "title-row");
  RkDateRow *date_row = g_object_get_data (G_OBJECT (dialog), "date-row");
  ReportDialogFunc func = g_object_get_data (G_OBJECT (dialog), "func");
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, g_object_get_data (G_OBJECT (dialog), "response")) != 0)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (title_row))));
  func (self, title, rk_date_row_get_date (date_row));
}

/* Asks for a title and a reporting date, then calls @func with them. */
static void
ask_title_and_date (RkReportsPage    *self,
                    const char       *heading,
                    const char       *body,
                    const char       *response,
                    const char       *response_label,
                    ReportDialogFunc  func)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (today, "%Y-%m-%d");
  /* Translators: the suggested title of a new report; %d is the year */
  g_autofree char *title = g_strdup_printf (_("Progress Report %d"), g_date_time_get_year (today));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *list, *title_row, *date_row;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  date_row = g_object_new (RK_TYPE_DATE_ROW, "title", _("Reporting Date"), NULL);
  rk_date_row_set_date (RK_DATE_ROW (date_row), iso);
  gtk_list_box_append (GTK_LIST_BOX (list), title_row);
  gtk_list_box_append (GTK_LIST_BOX (list), date_row);
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data (G_OBJECT (dialog), "title-row", title_row);
  g_object_set_data (G_OBJECT (dialog), "date-row", date_row);
  g_object_set_data_full (G_OBJECT (dialog), "response", g_strdup (response), g_free);
  g_object_set_data (G_OBJECT (dialog), "func", func);
  g_signal_connect_swapped (title_row, "changed", G_CALLBACK (on_report_dialog_changed_cb), dialog);
  g_signal_connect_swapped (date_row, "notify::date", G_CALLBACK (on_report_dialog_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_report_dialog_response_cb), self, 0);

  rk_a11y_fix_tree (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title_row);
}

static void
select_new_report (RkReportsPage *self,
                   RkReport      *report)
{
  rk_record_list_refresh (self->list, NULL);
  update_list_stack (self);
  rk_reports_page_select (self, rk_report_get_id (report));
}

static void
create_report (RkReportsPage *self,
               const char    *title,
               const char    *as_of)
{
  g_autoptr(RkReport) report = NULL;
  g_autoptr(GError) error = NULL;

  rk_reports_page_flush (self);
  report = rk_report_create (self->db, title, as_of, &error);
  if (report == NULL)
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  select_new_report (self, report);
}

static void
duplicate_report (RkReportsPage *self,
                  const char    *title,
                  const char    *as_of)
{
  g_autoptr(RkReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (self->report == NULL)
    return;

  rk_reports_page_flush (self);
  report = rk_report_duplicate (self->report, self->db, title, as_of, &error);
  if (report == NULL)
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  select_new_report (self, report);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rk_reports_page_new_report (RK_REPORTS_PAGE (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RkReportsPage *self = RK_REPORTS_PAGE (widget);
  g_autofree char *body = NULL;

  if (self->report == NULL)
    return;

  /* Translators: %s is a report's title */
  body = g_strdup_printf (_("The new draft starts with the entries of “%s”. Entries whose text is not brought up to date are flagged."),
                          rk_report_get_title (self->report));
  ask_title_and_date (self, _("Duplicate as Draft"), body, "duplicate", _("_Duplicate"), duplicate_report);
}

static void
on_adopt_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RkReportsPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "adopt") || self->report == NULL)
    return;

  if (!rk_reports_page_flush (self))
    return;

  if (!rk_report_adopt (self->report, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  /* Translators: %s is a report's title */
  rk_toast_show (GTK_WIDGET (self), adw_toast_new_format (_("“%s” is adopted and frozen"), rk_report_get_title (self->report)));
}

static void
adopt_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RkReportsPage *self = RK_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (!is_draft (self))
    return;

  /* Translators: %s is a report's title */
  body = g_strdup_printf (_("Adopting “%s” freezes it: its title, reporting date and entries can no longer be changed. To continue the work, duplicate it as a new draft."),
                          rk_report_get_title (self->report));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Adopt Progress Report?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "adopt", _("_Adopt and Freeze"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "adopt", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_adopt_response_cb), self, 0);
  rk_a11y_fix_tree (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_info_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static char *
change_title (RkReportChange *change)
{
  return change->code != NULL ? g_strdup_printf ("%s  %s", change->code, change->title)
                              : g_strdup (change->title);
}

static GtkWidget *
new_change_group (const char *title,
                  GPtrArray  *changes,
                  int         which)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint i = 0; i < changes->len; i++)
    {
      RkReportChange *change = g_ptr_array_index (changes, i);
      g_autofree char *name = change_title (change);
      g_autofree char *subtitle = NULL;

      if (which == 0)
        /* Translators: how a project's status changed between two
         * reports, “Was: Under review · Now: In implementation” */
        subtitle = g_strdup_printf (_("Was: %s · Now: %s"), rk_status_get_label (change->old_status),
                                    rk_status_get_label (change->new_status));
      else
        subtitle = g_strdup (rk_status_get_label (which == 1 ? change->new_status : change->old_status));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_info_row (name, subtitle));
    }

  if (changes->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_info_row (_("None"), NULL));

  return group;
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RkReportsPage *self = RK_REPORTS_PAGE (widget);
  RkReportComparison *comparison;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window, *box, *header, *page, *counts;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *then_date = NULL;
  g_autofree char *subtitle = NULL;

  rk_reports_page_flush (self);
  update_completeness (self);
  comparison = self->comparison;
  if (comparison == NULL || comparison->previous_id == NULL)
    return;

  /* Translators: the title of the comparison window; %s is the title of
   * the report compared with */
  title = g_strdup_printf (_("Compared with “%s”"), comparison->previous_title);
  then_date = rk_format_date (comparison->previous_as_of);
  subtitle = g_strdup_printf (_("Reporting date: %s"), then_date);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  counts = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (counts), _("Projects per Status"));
  /* Translators: %s is the title of the report compared with */
  description = g_strdup_printf (_("In “%s” and in this report"), comparison->previous_title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (counts), description);
  for (guint status = 0; status < RK_N_STATUSES; status++)
    {
      /* Translators: the number of projects in a status in the previous
       * report and in this one */
      g_autofree char *figures = g_strdup_printf (_("Then %u, now %u"), comparison->then_counts[status],
                                                  comparison->now_counts[status]);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (counts),
                                 new_info_row (rk_status_get_label (status), figures));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (counts));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (new_change_group (_("Status Changed"), comparison->changed, 0)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (new_change_group (_("New Projects"), comparison->added, 1)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (new_change_group (_("No Longer Reported"), comparison->dropped, 2)));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* Export */

static void
on_open_pdf_cb (AdwToast      *toast,
                RkReportsPage *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  g_autofree char *uri = g_file_get_uri (file);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

typedef struct
{
  RkReportsPage *self;
  GFile         *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->self);
  g_clear_object (&export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
on_pdf_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  /* The page may be on its way out: a cancelled export touches nothing. */
  if (!rk_report_pdf_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rk_toast_show_error (GTK_WIDGET (export->self), error);
      return;
    }

  name = g_file_get_basename (export->file);
  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Exported as “%s”"), name);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (export->file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_pdf_cb), export->self, 0);
  rk_toast_show (GTK_WIDGET (export->self), toast);
}

/**
 * rk_reports_page_export_pdf:
 * @file: where the PDF goes
 *
 * Writes the report shown as a PDF, in a thread; a toast says when it is
 * done. The file appears only once it is complete.
 */
void
rk_reports_page_export_pdf (RkReportsPage *self,
                            GFile         *file)
{
  Export *export;

  g_return_if_fail (RK_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->report == NULL)
    return;

  rk_reports_page_flush (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  rk_report_pdf_write_async (self->db, rk_report_get_id (self->report), file, self->cancellable,
                             on_pdf_written_cb, export);
}

static void
on_export_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     RkReportsPage   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    rk_reports_page_export_pdf (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RkReportsPage *self = RK_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->report == NULL)
    return;

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");

  chooser = gtk_file_chooser_native_new (_("Export as PDF"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* A file name cannot hold a slash. */
  name = g_strdelimit (g_strconcat (rk_report_get_title (self->report), ".pdf", NULL), "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   RkReportDocument  *document)
{
  guint n_pages = rk_report_document_paginate (document, gtk_print_context_get_cairo_context (context),
                                               gtk_print_context_get_width (context),
                                               gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 RkReportDocument  *document)
{
  rk_report_document_draw_page (document, gtk_print_context_get_cairo_context (context), page);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  RkReportsPage           *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        rk_toast_show_error (GTK_WIDGET (self), error);
    }
  g_object_unref (operation);
}

/**
 * rk_reports_page_print:
 * @export_path: (nullable): a PDF file to print to without asking, as
 *   the print dialog's “Print to File” does; %NULL to show the dialog
 *
 * Prints the report shown with the layout of its PDF, page by page.
 */
void
rk_reports_page_print (RkReportsPage *self,
                       const char    *export_path)
{
  g_autoptr(RkReportDocument) document = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (RK_IS_REPORTS_PAGE (self));

  if (self->report == NULL)
    return;

  rk_reports_page_flush (self);
  document = rk_report_document_new (self->db, rk_report_get_id (self->report), &error);
  if (document == NULL)
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, rk_report_get_title (self->report));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The document keeps its own margins, as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), document);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  g_object_set_data_full (G_OBJECT (operation), "document", g_steal_pointer (&document),
                          (GDestroyNotify) rk_report_document_free);

  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  /* The reference is dropped when the operation is done. */
  if (gtk_print_operation_run (operation,
                               export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                   : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    rk_toast_show_error (GTK_WIDGET (self), error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  rk_reports_page_print (RK_REPORTS_PAGE (widget), NULL);
}

/* Delete */

static void
on_undo_delete_cb (AdwToast      *toast,
                   RkReportsPage *self)
{
  RkSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  const char *id = g_object_get_data (G_OBJECT (toast), "report-id");
  g_autoptr(GError) error = NULL;

  if (!rk_snapshot_restore (snapshot, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  update_list_stack (self);
  rk_reports_page_select (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RkReportsPage *self = RK_REPORTS_PAGE (widget);
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!is_draft (self))
    return;

  rk_reports_page_flush (self);
  id = g_strdup (rk_report_get_id (self->report));
  title = g_strdup (rk_report_get_title (self->report));

  if (!rk_report_delete (self->db, id, &snapshot, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  show_report (self, NULL);
  rk_record_list_refresh (self->list, NULL);
  update_list_stack (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  /* Translators: %s is a report's title */
  toast = adw_toast_new_format (_("“%s” deleted"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) rk_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "report-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  rk_toast_show (GTK_WIDGET (self), toast);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RkReportsPage *self = RK_REPORTS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0)
    {
      rk_reports_page_flush (self);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (GTK_WIDGET (self->report_list));
    }
}

static void
rk_reports_page_dispose (GObject *object)
{
  RkReportsPage *self = (RkReportsPage *) object;
  GtkWidget *child;

  if (self->report != NULL)
    rk_reports_page_flush (self);
  /* Without a report shown, unbinding the list schedules no reselection. */
  g_clear_object (&self->report);
  if (self->report_list != NULL)
    gtk_list_box_bind_model (self->report_list, NULL, NULL, NULL, NULL);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->reselect_id, g_source_remove);
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->entry_rows != NULL)
    clear_entries (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_REPORTS_PAGE);
  /* Whatever the template left at the top goes too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->comparison, rk_report_comparison_free);
  g_clear_object (&self->list);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rk_reports_page_parent_class)->dispose (object);
}

static void
rk_reports_page_finalize (GObject *object)
{
  RkReportsPage *self = (RkReportsPage *) object;

  g_ptr_array_unref (self->entry_rows);
  g_hash_table_unref (self->dirty_entries);

  G_OBJECT_CLASS (rk_reports_page_parent_class)->finalize (object);
}

static void
rk_reports_page_class_init (RkReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_reports_page_dispose;
  object_class->finalize = rk_reports_page_finalize;

  g_type_ensure (RK_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-reports-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, report_list);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, adopt_button);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, adopted_label);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, completeness_label);
  gtk_widget_class_bind_template_child (widget_class, RkReportsPage, entries_group);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_changed_cb);

  gtk_widget_class_install_action (widget_class, "reports.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "reports.adopt", NULL, adopt_action);
  gtk_widget_class_install_action (widget_class, "reports.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "reports.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "reports.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "reports.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reports.back", NULL);
}

static void
rk_reports_page_init (RkReportsPage *self)
{
  self->entry_rows = g_ptr_array_new ();
  self->dirty_entries = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The report's own rows sit in a group without a title, and so in a
   * list that libadwaita leaves unnamed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->title_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress Report"), -1);

  update_list_stack (self);
  update_state (self);
  update_actions (self);
}

void
rk_reports_page_set_database (RkReportsPage *self,
                              RkDatabase    *db)
{
  g_return_if_fail (RK_IS_REPORTS_PAGE (self));
  g_return_if_fail (db == NULL || RK_IS_DATABASE (db));

  show_report (self, NULL);
  gtk_list_box_bind_model (self->report_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->list);
  g_set_object (&self->db, db);

  if (db != NULL)
    {
      self->list = rk_report_list_new (db);
      gtk_list_box_bind_model (self->report_list, G_LIST_MODEL (self->list),
                               create_report_row, self, NULL);
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_list_stack),
                               self, G_CONNECT_SWAPPED);
    }

  update_list_stack (self);
  update_actions (self);
}

/**
 * rk_reports_page_select:
 *
 * Shows a report and selects it in the list.
 */
void
rk_reports_page_select (RkReportsPage *self,
                        const char    *report_id)
{
  guint position;
  g_autoptr(RkReport) report = NULL;

  g_return_if_fail (RK_IS_REPORTS_PAGE (self));

  if (self->list == NULL || report_id == NULL ||
      !rk_record_list_find (self->list, report_id, &position))
    return;

  report = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (report != self->report)
    show_report (self, report);
  select_row_of (self, report_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * rk_reports_page_new_report:
 *
 * Asks for a title and reporting date and starts a draft with a snapshot
 * of every project.
 */
void
rk_reports_page_new_report (RkReportsPage *self)
{
  g_return_if_fail (RK_IS_REPORTS_PAGE (self));

  if (self->db == NULL || rk_database_get_read_only (self->db))
    return;

  ask_title_and_date (self, _("New Progress Report"),
                      _("The report takes a snapshot of every project’s status and current-status text as they are now. Until it is adopted, its entries can be edited."),
                      "create", _("_Create"), create_report);
}
