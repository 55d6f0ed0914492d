/* rk-csv-columns.c: the columns of the project and organisation files
 *
 * One table per kind of file names each column's English key, its German
 * heading, the table column it fills and how its cells are read; the
 * export writes the columns in this order and the import finds them by
 * either heading in any order.
 *
 * The German labels of status, pillar and kind are kept here, not taken
 * from the translation: a `de` file has German labels whatever the
 * language of the interface, and an import recognises them in an English
 * interface too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rk-csv-columns.h"
#include "rk-format.h"

/* Larger sums do not occur in a state programme (as in rk-format.c). */
#define MAX_CENTS (G_GINT64_CONSTANT (1000000000000000))

static const RkCsvColumn project_columns[] = {
  { "code", "Kennung", NULL, "code", RK_CSV_VALUE_KEY, NULL },
  { "title", "Titel", NULL, "title", RK_CSV_VALUE_REQUIRED_TEXT, NULL },
  { "field", "Handlungsfeld", "Field of action", "field_id", RK_CSV_VALUE_FIELD, NULL },
  { "pillar", "Säule", NULL, "pillar", RK_CSV_VALUE_PILLAR, "ministry_project" },
  { "status", "Status", NULL, "status", RK_CSV_VALUE_STATUS, "proposal" },
  { "lead_ministry", "Federführung", NULL, "lead_ministry", RK_CSV_VALUE_SHORT_TEXT, "" },
  { "volume_eur", "Projektvolumen (EUR)", "Project volume (EUR)", "volume_cents", RK_CSV_VALUE_MONEY, NULL },
  { "start_date", "Beginn", "Start", "start_date", RK_CSV_VALUE_DATE, NULL },
  { "end_date", "Ende", "End", "end_date", RK_CSV_VALUE_DATE, NULL },
  { "goal", "Ziel", NULL, "goal", RK_CSV_VALUE_TEXT, "" },
  { "added_value", "Mehrwert", NULL, "added_value", RK_CSV_VALUE_TEXT, "" },
  { "approach", "Vorgehen", NULL, "approach", RK_CSV_VALUE_TEXT, "" },
  { "beneficiaries", "Nutzen für", NULL, "beneficiaries", RK_CSV_VALUE_TEXT, "" },
  { "current_status", "Aktueller Stand", NULL, "current_status", RK_CSV_VALUE_TEXT, "" },
  { "outlook", "Ausblick", NULL, "outlook", RK_CSV_VALUE_TEXT, "" },
  { "municipalities", "Kommunen", NULL, NULL, RK_CSV_VALUE_MUNICIPALITIES, NULL },
};

static const RkCsvColumn organisation_columns[] = {
  { "name", "Name", NULL, "name", RK_CSV_VALUE_KEY, NULL },
  { "kind", "Art", NULL, "kind", RK_CSV_VALUE_KIND, "other" },
  { "municipality", "Kommune", NULL, "municipality_id", RK_CSV_VALUE_MUNICIPALITY, NULL },
  { "address", "Anschrift", NULL, "address", RK_CSV_VALUE_TEXT, "" },
  { "website", "Website", NULL, "website", RK_CSV_VALUE_SHORT_TEXT, "" },
  { "email", "E-Mail", NULL, "email", RK_CSV_VALUE_SHORT_TEXT, "" },
  { "phone", "Telefon", NULL, "phone", RK_CSV_VALUE_SHORT_TEXT, "" },
  { "notes", "Notizen", NULL, "notes", RK_CSV_VALUE_TEXT, "" },
};

/* The vocabularies in the order of their enumerations: the stable key, the
 * English label of rk-enums.c, the German label of the progress reports,
 * and the longer wording some reports use. */
typedef struct
{
  const char *key;
  const char *english;
  const char *german;
  const char *alias;
} Term;

static const Term statuses[RK_N_STATUSES] = {
  { "proposal", "Proposal", "Projektvorschlag", NULL },
  { "under_review", "Feasibility and financing under review",
    "Umsetzbarkeit und Finanzierbarkeit werden geprüft", NULL },
  { "in_implementation", "In implementation", "In Umsetzung", NULL },
  { "completed", "Completed", "Abgeschlossen",
    "abgeschlossen bzw. in fortlaufende Aktivitäten überführt" },
  { "not_pursued", "Not pursued further", "Nicht weiterverfolgt", NULL },
};

static const Term pillars[RK_N_PILLARS] = {
  { "ministry_project", "Ministry project", "Ressortprojekt", NULL },
  { "partner_project", "Partner project", "Partnerprojekt", NULL },
  { "state_programme", "State programme", "Landesprogramm",
    "Landesprogramm mit besonderem Nutzen für das Ruhrgebiet" },
};

static const Term kinds[RK_N_KINDS] = {
  { "authority", "Authority", "Behörde", NULL },
  { "company", "Company", "Unternehmen", NULL },
  { "association", "Association", "Verband", NULL },
  { "club", "Club", "Verein", NULL },
  { "self_employed", "Liberal profession or self-employed", "Freier Beruf oder Selbstständige", NULL },
  { "private_person", "Private person", "Privatperson", NULL },
  { "research", "University or research", "Hochschule oder Forschungseinrichtung", NULL },
  { "municipality", "Municipality", "Kommune", NULL },
  { "other", "Other", "Sonstige", NULL },
};

/**
 * rk_csv_columns:
 *
 * Returns: (transfer none): the columns of a file of @kind, in the order
 *   the export writes them
 */
const RkCsvColumn *
rk_csv_columns (RkCsvKind  kind,
                guint     *n_columns)
{
  if (kind == RK_CSV_KIND_PROJECTS)
    {
      *n_columns = G_N_ELEMENTS (project_columns);
      return project_columns;
    }

  *n_columns = G_N_ELEMENTS (organisation_columns);
  return organisation_columns;
}

const char *
rk_csv_kind_table (RkCsvKind kind)
{
  return kind == RK_CSV_KIND_PROJECTS ? "project" : "organisation";
}

const char *
rk_csv_column_heading (const RkCsvColumn *column,
                       RkCsvFormat        format)
{
  return format == RK_CSV_FORMAT_DE ? column->header_de : column->key;
}

/**
 * rk_csv_normalise:
 *
 * Returns: @text as headings and labels are compared: case folded, every
 *   kind of dash a hyphen, underscores and runs of white space one space,
 *   nothing around it
 */
char *
rk_csv_normalise (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '_' || c == 0x00A0 || c == 0x202F)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;

      if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
        c = '-';
      g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const Term *
terms_of (RkCsvValueType  type,
          guint          *n_terms)
{
  switch (type)
    {
    case RK_CSV_VALUE_STATUS:
      *n_terms = G_N_ELEMENTS (statuses);
      return statuses;

    case RK_CSV_VALUE_PILLAR:
      *n_terms = G_N_ELEMENTS (pillars);
      return pillars;

    case RK_CSV_VALUE_KIND:
      *n_terms = G_N_ELEMENTS (kinds);
      return kinds;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
same (const char *normal,
      const char *text)
{
  g_autofree char *other = NULL;

  if (text == NULL)
    return FALSE;
  other = rk_csv_normalise (text);
  return g_str_equal (normal, other);
}

/**
 * rk_csv_match_term:
 * @type: %RK_CSV_VALUE_STATUS, %RK_CSV_VALUE_PILLAR or %RK_CSV_VALUE_KIND
 * @text: a key, an English or German label, in any case
 * @out_value: (out): the enumeration's value
 *
 * Also takes the label in the interface's language, should a translation
 * ever word it otherwise than the table here.
 */
gboolean
rk_csv_match_term (RkCsvValueType  type,
                   const char     *text,
                   int            *out_value)
{
  g_autofree char *normal = rk_csv_normalise (text);
  const Term *terms;
  guint n_terms;

  terms = terms_of (type, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    if (same (normal, terms[i].key) || same (normal, terms[i].english) ||
        same (normal, terms[i].german) || same (normal, terms[i].alias) ||
        same (normal, _(terms[i].english)))
      {
        *out_value = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * rk_csv_term_text:
 *
 * Returns: how a file of @format writes the value: the German label in
 *   `de`, the stable key in `en`
 */
const char *
rk_csv_term_text (RkCsvValueType type,
                  int            value,
                  RkCsvFormat    format)
{
  const Term *terms;
  guint n_terms;

  terms = terms_of (type, &n_terms);
  g_return_val_if_fail (value >= 0 && (guint) value < n_terms, NULL);

  return format == RK_CSV_FORMAT_DE ? terms[value].german : terms[value].key;
}

const char *
rk_csv_term_english (RkCsvValueType type,
                     int            value)
{
  const Term *terms;
  guint n_terms;

  terms = terms_of (type, &n_terms);
  g_return_val_if_fail (value >= 0 && (guint) value < n_terms, NULL);

  return terms[value].english;
}

/**
 * rk_csv_format_money:
 *
 * Returns: the amount in euros as spreadsheets read it: no grouping, no
 *   currency, two decimals after a comma (`de`) or a point (`en`)
 */
char *
rk_csv_format_money (gint64      cents,
                     RkCsvFormat format)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "%c%02d", cents / 100,
                          format == RK_CSV_FORMAT_DE ? ',' : '.', (int) (cents % 100));
}

/**
 * rk_csv_parse_money:
 * @text: "1.234.567,89", "1234567.89", "1,234.50 €", "EUR 12,50"
 * @german: whether the file is German, which decides the one case that
 *   is ambiguous: a single separator before exactly three digits, which
 *   groups thousands in the file's own convention ("1.234" is 1234 euros
 *   in a German file) and is a decimal point otherwise
 *
 * Unlike rk_parse_money() this does not depend on the locale, so a file
 * reads the same on every machine.
 */
gboolean
rk_csv_parse_money (const char  *text,
                    gboolean     german,
                    gint64      *out_cents,
                    GError     **error)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char *dot, *comma;
  char decimal, grouping = german ? '.' : ',';
  guint64 euros = 0, cents = 0;
  int n_decimals = 0, group_digits = 0;
  gboolean after_decimal = FALSE, grouped = FALSE, negative = FALSE;

  folded = g_utf8_strdown (text, -1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isdigit (c))
        g_string_append_c (clean, (char) c);
      else if (c == '.' || c == ',')
        g_string_append_c (clean, (char) c);
      else if ((c == '-' || c == 0x2212) && clean->len == 0)
        negative = TRUE;
      else if (g_str_has_prefix (p, "eur"))
        p += 2;
      else if (c != 0x20AC && !g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != '\'')
        goto invalid;
    }

  if (strpbrk (clean->str, "0123456789") == NULL)
    goto invalid;

  /* The last of two different separators is the decimal one; a separator
   * that occurs more than once groups. */
  dot = strrchr (clean->str, '.');
  comma = strrchr (clean->str, ',');
  if (dot != NULL && comma != NULL)
    decimal = dot > comma ? '.' : ',';
  else if (dot != NULL || comma != NULL)
    {
      const char *sep = dot != NULL ? dot : comma;

      if (strchr (clean->str, *sep) != sep ||
          (*sep == grouping && strlen (sep + 1) == 3))
        decimal = *sep == '.' ? ',' : '.';
      else
        decimal = *sep;
    }
  else
    decimal = '.';

  /* Grouping separators stand between groups of three digits, the first
   * group of one to three: "1.234.567" but not "1.5.2024". */
  for (const char *p = clean->str; *p != '\0'; p++)
    {
      if (*p == decimal)
        {
          if (after_decimal || (grouped && group_digits != 3))
            goto invalid;
          after_decimal = TRUE;
        }
      else if (*p == '.' || *p == ',')
        {
          if (after_decimal || group_digits == 0 ||
              (grouped ? group_digits != 3 : group_digits > 3))
            goto invalid;
          grouped = TRUE;
          group_digits = 0;
        }
      else if (after_decimal)
        {
          if (++n_decimals > 2)
            goto invalid;
          cents = cents * 10 + (*p - '0');
        }
      else
        {
          group_digits++;
          euros = euros * 10 + (*p - '0');
          if (euros > MAX_CENTS / 100)
            {
              g_set_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_TOO_LARGE,
                           _("“%s” is too large an amount."), text);
              return FALSE;
            }
        }
    }

  if (!after_decimal && grouped && group_digits != 3)
    goto invalid;

  if (n_decimals == 1)
    cents *= 10;

  if (negative)
    {
      g_set_error_literal (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_NEGATIVE,
                           _("An amount cannot be negative."));
      return FALSE;
    }

  *out_cents = (gint64) (euros * 100 + cents);
  return TRUE;

invalid:
  g_set_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_INVALID,
               _("“%s” is not an amount of money."), text);
  return FALSE;
}

/**
 * rk_csv_format_date:
 * @iso_date: (nullable): a date as `YYYY-MM-DD`
 *
 * Returns: the date as `31.12.2024` in `de`, unchanged in `en`; "" for
 *   none
 */
char *
rk_csv_format_date (const char  *iso_date,
                    RkCsvFormat  format)
{
  if (iso_date == NULL)
    return g_strdup ("");

  if (format == RK_CSV_FORMAT_DE && strlen (iso_date) == 10)
    return g_strdup_printf ("%.2s.%.2s.%.4s", iso_date + 8, iso_date + 5, iso_date);

  return g_strdup (iso_date);
}
