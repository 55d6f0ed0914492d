/* rk-summary.c: the programme in figures, and the sentence that says them
 *
 * The progress reports open with one sentence on where the projects
 * stand: "Von den 73 Projekten sind 55 in Umsetzung, 1 ist abgeschlossen
 * und bei 17 werden Umsetzbarkeit und Finanzierbarkeit geprüft." It is
 * built here from whatever the counts are: one clause per status that has
 * projects, each with its own singular and plural, joined by the
 * language's list pattern. The first clause has its own strings, because
 * German puts the verb before the number once the sentence opens with
 * "Von den 73 Projekten".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-reference.h"
#include "rk-summary.h"

/* The order of the clauses: what is running, what is done, what is still
 * being examined, what was proposed, what was dropped. */
static const RkStatus clause_order[RK_N_STATUSES] = {
  RK_STATUS_IN_IMPLEMENTATION,
  RK_STATUS_COMPLETED,
  RK_STATUS_UNDER_REVIEW,
  RK_STATUS_PROPOSAL,
  RK_STATUS_NOT_PURSUED,
};

/* A status inside a sentence, where the labels' capitals do not belong:
 * "…, in implementation: 12 projects". */
static const char * const phrases[RK_N_STATUSES] = {
  N_("proposal"),
  N_("feasibility and financing under review"),
  N_("in implementation"),
  N_("completed"),
  N_("not pursued further"),
};

static void
summary_field_free (gpointer data)
{
  RkSummaryField *field = data;

  g_free (field->field_id);
  g_free (field->name);
  g_free (field);
}

static void
summary_clear (gpointer data)
{
  RkSummary *self = data;

  g_clear_pointer (&self->fields, g_ptr_array_unref);
}

static RkSummary *
summary_new (RkDatabase *db)
{
  RkSummary *self = g_rc_box_new0 (RkSummary);
  g_autoptr(GListModel) fields = rk_database_list_fields (db);

  self->fields = g_ptr_array_new_with_free_func (summary_field_free);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(RkField) field = g_list_model_get_item (fields, i);
      RkSummaryField *row = g_new0 (RkSummaryField, 1);

      row->field_id = g_strdup (rk_field_get_id (field));
      row->name = g_strdup (rk_field_get_name (field));
      g_ptr_array_add (self->fields, row);
    }

  return self;
}

static RkSummaryField *
find_field (RkSummary  *self,
            const char *field_id)
{
  RkSummaryField *row;

  for (guint i = 0; i < self->fields->len; i++)
    {
      row = g_ptr_array_index (self->fields, i);
      if (g_strcmp0 (row->field_id, field_id) == 0)
        return row;
    }

  /* The projects without a field come last, and only when there are any. */
  row = g_new0 (RkSummaryField, 1);
  row->field_id = g_strdup (field_id);
  row->name = g_strdup (field_id == NULL ? _("Not assigned to a field of action") : field_id);
  g_ptr_array_add (self->fields, row);
  return row;
}

/* Reads rows of (field_id, status, count, volume sum, count without
 * volume), as both queries below return them. */
static RkSummary *
summary_read (RkDatabase  *db,
              const char  *sql,
              const char  *key,
              GError     **error)
{
  g_autoptr(RkSummary) self = summary_new (db);
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkSummaryField *field = find_field (self, (const char *) sqlite3_column_text (stmt, 0));
      guint n = sqlite3_column_int (stmt, 2);
      gint64 volume = sqlite3_column_int64 (stmt, 3);
      guint n_without = sqlite3_column_int (stmt, 4);
      RkStatus status;

      if (!rk_status_from_key ((const char *) sqlite3_column_text (stmt, 1), &status))
        continue;

      field->counts[status] += n;
      field->total += n;
      field->volume_cents += volume;
      field->n_without_volume += n_without;
      self->counts[status] += n;
      self->total += n;
      self->volume_cents += volume;
      self->n_without_volume += n_without;
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Counting the projects"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * rk_summary_new_for_projects:
 *
 * Returns: (transfer full): the projects as they are now, counted per
 *   field of action and status, with their volumes; %NULL with @error set
 */
RkSummary *
rk_summary_new_for_projects (RkDatabase  *db,
                             GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return summary_read (db, "SELECT field_id, status, count(*), coalesce(sum(volume_cents), 0),"
                           " count(*) - count(volume_cents)"
                           " FROM project GROUP BY field_id, status",
                       NULL, error);
}

static void
projects_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) reader = NULL;
  RkSummary *summary = NULL;

  reader = rk_database_open (task_data, RK_DATABASE_OPEN_READ_ONLY, &error);
  if (reader != NULL)
    summary = rk_summary_new_for_projects (reader, &error);

  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) rk_summary_unref);
}

/**
 * rk_summary_new_for_projects_async:
 *
 * Counts the projects as rk_summary_new_for_projects() does, in a thread
 * on a reading connection of its own: at 100,000 projects that reads
 * every project, too long for the main thread. It sees what was committed
 * when it starts.
 */
void
rk_summary_new_for_projects_async (RkDatabase          *db,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RK_IS_DATABASE (db));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rk_summary_new_for_projects_async);
  g_task_set_task_data (task, g_strdup (rk_database_get_path (db)), g_free);
  g_task_run_in_thread (task, projects_thread);
}

/**
 * rk_summary_new_for_projects_finish:
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when it was cancelled)
 */
RkSummary *
rk_summary_new_for_projects_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rk_summary_new_for_report:
 *
 * The counts are the report's own. A report keeps no volumes, so they are
 * the volumes its projects have now.
 *
 * Returns: (transfer full): the report's entries, counted per field of
 *   action and status; %NULL with @error set
 */
RkSummary *
rk_summary_new_for_report (RkDatabase  *db,
                           const char  *report_id,
                           GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (report_id != NULL, NULL);

  return summary_read (db, "SELECT e.field_id, e.status, count(*), coalesce(sum(p.volume_cents), 0),"
                           " count(*) - count(p.volume_cents)"
                           " FROM report_entry e LEFT JOIN project p ON p.id = e.project_id"
                           " WHERE e.report_id = ? GROUP BY e.field_id, e.status",
                       report_id, error);
}

RkSummary *
rk_summary_ref (RkSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
rk_summary_unref (RkSummary *self)
{
  if (self != NULL)
    g_rc_box_release_full (self, summary_clear);
}

/**
 * rk_summary_get_headline:
 *
 * Returns: (transfer full): the headline sentence for these counts
 */
char *
rk_summary_get_headline (RkSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return rk_headline_sentence (self->counts);
}

/**
 * rk_status_get_phrase:
 *
 * Returns: the status as it reads inside a sentence, in the UI's language
 */
const char *
rk_status_get_phrase (RkStatus status)
{
  g_return_val_if_fail (status < RK_N_STATUSES, NULL);

  return _(phrases[status]);
}

/* The sentence when every project has one status. */
static char *
single_status_sentence (RkStatus status,
                        guint    n)
{
  if (n == 1)
    switch (status)
      {
      case RK_STATUS_PROPOSAL:
        return g_strdup (_("The only project is a proposal."));
      case RK_STATUS_UNDER_REVIEW:
        return g_strdup (_("For the only project, feasibility and financing are under review."));
      case RK_STATUS_IN_IMPLEMENTATION:
        return g_strdup (_("The only project is in implementation."));
      case RK_STATUS_COMPLETED:
        return g_strdup (_("The only project is completed."));
      case RK_STATUS_NOT_PURSUED:
      default:
        return g_strdup (_("The only project is not pursued further."));
      }

  if (n == 2)
    switch (status)
      {
      case RK_STATUS_PROPOSAL:
        return g_strdup (_("Both projects are proposals."));
      case RK_STATUS_UNDER_REVIEW:
        return g_strdup (_("For both projects, feasibility and financing are under review."));
      case RK_STATUS_IN_IMPLEMENTATION:
        return g_strdup (_("Both projects are in implementation."));
      case RK_STATUS_COMPLETED:
        return g_strdup (_("Both projects are completed."));
      case RK_STATUS_NOT_PURSUED:
      default:
        return g_strdup (_("Neither project is pursued further."));
      }

  /* Three or more: the singular forms exist only because gettext asks
   * for them. */
  switch (status)
    {
    case RK_STATUS_PROPOSAL:
      /* Translators: the headline sentence when all of three or more
       * projects have one status; %u is their number */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "All %u projects are proposals.",
                                           "All %u projects are proposals.", n), n);
    case RK_STATUS_UNDER_REVIEW:
      /* Translators: the headline sentence when all of three or more
       * projects have one status; %u is their number */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "For all %u projects, feasibility and financing are under review.",
                                           "For all %u projects, feasibility and financing are under review.", n), n);
    case RK_STATUS_IN_IMPLEMENTATION:
      /* Translators: the headline sentence when all of three or more
       * projects have one status; %u is their number */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "All %u projects are in implementation.",
                                           "All %u projects are in implementation.", n), n);
    case RK_STATUS_COMPLETED:
      /* Translators: the headline sentence when all of three or more
       * projects have one status; %u is their number */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "All %u projects are completed.",
                                           "All %u projects are completed.", n), n);
    case RK_STATUS_NOT_PURSUED:
    default:
      /* Translators: the headline sentence when all of three or more
       * projects have one status; %u is their number */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "None of the %u projects is pursued further.",
                                           "None of the %u projects is pursued further.", n), n);
    }
}

/* The clause that opens the sentence; @lead is "Of the 73 projects". */
static char *
first_clause (RkStatus    status,
              guint       n,
              const char *lead)
{
  switch (status)
    {
    case RK_STATUS_PROPOSAL:
      /* Translators: the first clause of the headline sentence of a
       * progress report, “Of the 73 projects, 55 are in implementation,
       * …”; %s is “Of the 73 projects”, %u a number of projects. German
       * puts the verb first here: “%s sind %u in Umsetzung”. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s, %u is a proposal",
                                           "%s, %u are proposals", n), lead, n);
    case RK_STATUS_UNDER_REVIEW:
      /* Translators: the first clause of the headline sentence of a
       * progress report, “Of the 73 projects, 55 are in implementation,
       * …”; %s is “Of the 73 projects”, %u a number of projects. German
       * puts the verb first here: “%s sind %u in Umsetzung”. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s, for %u feasibility and financing are under review",
                                           "%s, for %u feasibility and financing are under review", n),
                              lead, n);
    case RK_STATUS_IN_IMPLEMENTATION:
      /* Translators: the first clause of the headline sentence of a
       * progress report, “Of the 73 projects, 55 are in implementation,
       * …”; %s is “Of the 73 projects”, %u a number of projects. German
       * puts the verb first here: “%s sind %u in Umsetzung”. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s, %u is in implementation",
                                           "%s, %u are in implementation", n), lead, n);
    case RK_STATUS_COMPLETED:
      /* Translators: the first clause of the headline sentence of a
       * progress report, “Of the 73 projects, 55 are in implementation,
       * …”; %s is “Of the 73 projects”, %u a number of projects. German
       * puts the verb first here: “%s sind %u in Umsetzung”. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s, %u is completed",
                                           "%s, %u are completed", n), lead, n);
    case RK_STATUS_NOT_PURSUED:
    default:
      /* Translators: the first clause of the headline sentence of a
       * progress report, “Of the 73 projects, 55 are in implementation,
       * …”; %s is “Of the 73 projects”, %u a number of projects. German
       * puts the verb first here: “%s sind %u in Umsetzung”. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s, %u is not pursued further",
                                           "%s, %u are not pursued further", n), lead, n);
    }
}

/* A clause after the first: “1 is completed”. */
static char *
next_clause (RkStatus status,
             guint    n)
{
  switch (status)
    {
    case RK_STATUS_PROPOSAL:
      /* Translators: a later clause of the headline sentence of a
       * progress report, “…, 1 is completed and for 17 feasibility and
       * financing are under review.”; %u is a number of projects */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u is a proposal",
                                           "%u are proposals", n), n);
    case RK_STATUS_UNDER_REVIEW:
      /* Translators: a later clause of the headline sentence of a
       * progress report, “…, 1 is completed and for 17 feasibility and
       * financing are under review.”; %u is a number of projects */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "for %u feasibility and financing are under review",
                                           "for %u feasibility and financing are under review", n), n);
    case RK_STATUS_IN_IMPLEMENTATION:
      /* Translators: a later clause of the headline sentence of a
       * progress report, “…, 1 is completed and for 17 feasibility and
       * financing are under review.”; %u is a number of projects */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u is in implementation",
                                           "%u are in implementation", n), n);
    case RK_STATUS_COMPLETED:
      /* Translators: a later clause of the headline sentence of a
       * progress report, “…, 1 is completed and for 17 feasibility and
       * financing are under review.”; %u is a number of projects */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u is completed",
                                           "%u are completed", n), n);
    case RK_STATUS_NOT_PURSUED:
    default:
      /* Translators: a later clause of the headline sentence of a
       * progress report, “…, 1 is completed and for 17 feasibility and
       * financing are under review.”; %u is a number of projects */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u is not pursued further",
                                           "%u are not pursued further", n), n);
    }
}

/**
 * rk_headline_sentence:
 * @counts: the number of projects in each status
 *
 * Says where the projects stand, as the progress reports do: “Of the 73
 * projects, 55 are in implementation, 1 is completed and for 17
 * feasibility and financing are under review.” Statuses without projects
 * have no clause; one project, two, all in one status and none at all
 * each read naturally.
 *
 * Returns: (transfer full): the sentence in the UI's language
 */
char *
rk_headline_sentence (const guint counts[RK_N_STATUSES])
{
  g_autofree char *lead = NULL;
  g_autofree char *list = NULL;
  guint total = 0, n_clauses = 0, last = 0, done = 0;
  RkStatus only = RK_STATUS_PROPOSAL;

  for (guint i = 0; i < RK_N_STATUSES; i++)
    {
      total += counts[clause_order[i]];
      if (counts[clause_order[i]] > 0)
        {
          only = clause_order[i];
          last = i;
          n_clauses++;
        }
    }

  if (total == 0)
    return g_strdup (_("There are no projects yet."));

  if (n_clauses == 1)
    return single_status_sentence (only, total);

  /* Translators: how the headline sentence of a progress report opens,
   * “Of the 73 projects”; the clauses follow. */
  lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Of the %u project", "Of the %u projects", total),
                          total);

  for (guint i = 0; i < RK_N_STATUSES; i++)
    {
      RkStatus status = clause_order[i];
      g_autofree char *clause = NULL;
      char *joined;

      if (counts[status] == 0)
        continue;

      if (done == 0)
        {
          list = first_clause (status, counts[status], lead);
          done++;
          continue;
        }

      clause = next_clause (status, counts[status]);
      if (i == last)
        /* Translators: joins the last clause to those before it, as in
         * “…, 1 is completed and for 17 … are under review” */
        joined = g_strdup_printf (_("%s and %s"), list, clause);
      else
        /* Translators: joins a clause to those before it, as in
         * “55 are in implementation, 1 is completed” */
        joined = g_strdup_printf (_("%s, %s"), list, clause);
      g_free (list);
      list = joined;
      done++;
    }

  /* Translators: ends the headline sentence of a progress report */
  return g_strdup_printf (_("%s."), list);
}
