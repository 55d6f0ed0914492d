/* rk-format.c: money and dates as people read and type them
 *
 * Money is an integer number of cents and dates are ISO 8601 text in the
 * database; here they become what the user's locale writes, German
 * "1.234.567,00 €" and "31.12.2024", and back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rk-format.h"

G_DEFINE_QUARK (rk-format-error-quark, rk_format_error)

/* Larger sums do not occur in a state programme; the bound keeps cents and
 * doubles in exact range. */
#define MAX_CENTS (G_GINT64_CONSTANT (1000000000000000))

/**
 * rk_ui_language_is_german:
 *
 * Returns: whether the interface speaks German, so that data with names in
 *   both languages (the fields of action) shows the German one
 */
gboolean
rk_ui_language_is_german (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && (g_str_equal (names[0], "de") ||
                              g_str_has_prefix (names[0], "de_") ||
                              g_str_has_prefix (names[0], "de."));
}

typedef struct
{
  const char *decimal;
  const char *thousands;
  gboolean    symbol_first;
} MoneyStyle;

/* The locale's way of writing money; the C locale has none, and then the
 * English way is used. */
static MoneyStyle
money_style (void)
{
  struct lconv *lc = localeconv ();
  MoneyStyle style = { ".", ",", TRUE };

  if (lc->mon_decimal_point != NULL && *lc->mon_decimal_point != '\0')
    {
      style.decimal = lc->mon_decimal_point;
      style.thousands = lc->mon_thousands_sep != NULL ? lc->mon_thousands_sep : "";
      style.symbol_first = lc->p_cs_precedes == 1;
    }

  return style;
}

/**
 * rk_format_money:
 * @cents: an amount in cents
 *
 * Returns: the amount in euros as the locale writes money, for example
 *   "1.234.567,00 €" in German and "€1,234,567.00" in English
 */
char *
rk_format_money (gint64 cents)
{
  MoneyStyle style = money_style ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *digits = NULL;
  guint64 magnitude = cents < 0 ? -(guint64) cents : (guint64) cents;
  gsize len;

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  len = strlen (digits);

  if (cents < 0)
    g_string_append_c (out, '-');
  if (style.symbol_first)
    g_string_append (out, "€");

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, style.thousands);
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, "%s%02u", style.decimal, (guint) (magnitude % 100));

  if (!style.symbol_first)
    g_string_append (out, " €");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * rk_parse_money:
 * @text: an amount as typed: "1.234.567,89", "1234567.89", "1 234 €",
 *   "EUR 12,50"
 * @out_cents: (out): the amount in cents
 *
 * Reads an amount in euros. The locale's decimal separator decides; the
 * other separator is taken as grouping where it groups three digits, so
 * both German and English input are read right whatever the locale.
 *
 * Returns: %TRUE, or %FALSE with @error saying what is wrong
 */
gboolean
rk_parse_money (const char  *text,
                gint64      *out_cents,
                GError     **error)
{
  MoneyStyle style = money_style ();
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autoptr(GString) input = NULL;
  gboolean negative = FALSE;
  char decimal;
  const char *dot, *comma, *sep;
  guint64 euros = 0, cents = 0;
  int n_decimals = 0, group_digits = 0;
  gboolean after_decimal = FALSE, grouped = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_INVALID,
                           _("The amount contains characters that are not valid text."));
      return FALSE;
    }

  input = g_string_new (text);
  g_string_replace (input, "EUR", "", 0);
  g_string_replace (input, "Eur", "", 0);
  g_string_replace (input, "eur", "", 0);

  /* Keep digits, separators and a sign; drop the currency and spaces. */
  for (const char *p = input->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) && c < 0x80)
        g_string_append_c (clean, (char) c);
      else if (c == '.' || c == ',')
        g_string_append_c (clean, (char) c);
      else if (c == '-' && clean->len == 0)
        negative = TRUE;
      else if (c == 0x20AC || g_unichar_isspace (c) || c == 0x202F || c == '\'')
        continue;
      else
        {
          g_set_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_INVALID,
                       _("“%s” is not an amount of money."), text);
          return FALSE;
        }
    }

  if (strpbrk (clean->str, "0123456789") == NULL)
    {
      g_set_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_INVALID,
                   _("“%s” is not an amount of money."), text);
      return FALSE;
    }

  /* Which separator is the decimal one: the last of two different ones;
   * a lone one is decimal unless it groups exactly three digits in a way
   * the locale's decimal separator would not. */
  dot = strrchr (clean->str, '.');
  comma = strrchr (clean->str, ',');
  if (dot != NULL && comma != NULL)
    decimal = dot > comma ? '.' : ',';
  else if (dot != NULL || comma != NULL)
    {
      sep = dot != NULL ? dot : comma;
      if (strchr (clean->str, *sep) != sep ||
          (*sep != style.decimal[0] && strlen (sep + 1) == 3))
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
      g_set_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_NEGATIVE,
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

static GDateTime *
date_from_iso (const char *iso_date)
{
  int y, m, d;
  char tail;

  if (iso_date == NULL ||
      sscanf (iso_date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      strlen (iso_date) != 10 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;

  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

gboolean
rk_iso_date_is_valid (const char *iso_date)
{
  g_autoptr(GDateTime) dt = date_from_iso (iso_date);

  return dt != NULL;
}

/**
 * rk_format_date:
 * @iso_date: a date as `YYYY-MM-DD`
 *
 * Returns: the date as the locale writes it, with four-digit years:
 *   "31.12.2024" in German
 */
char *
rk_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = date_from_iso (iso_date);
  g_autoptr(GString) format = NULL;

  if (dt == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");

  format = g_string_new (nl_langinfo (D_FMT));
  g_string_replace (format, "%y", "%Y", 0);

  return g_date_time_format (dt, format->str);
}

/**
 * rk_parse_date:
 * @text: a date as ISO `2024-12-31`, German `31.12.2024` or `31.12.24`
 * @out_iso_date: (out): the date as `YYYY-MM-DD`
 *
 * Returns: %TRUE, or %FALSE with @error when @text is no valid date
 */
gboolean
rk_parse_date (const char  *text,
               char       **out_iso_date,
               GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  int y = 0, m = 0, d = 0;
  char tail;

  if (sscanf (stripped, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
      sscanf (stripped, "%2d.%2d.%4d%c", &d, &m, &y, &tail) == 3)
    {
      if (y < 100 && strchr (stripped, '.') != NULL &&
          strlen (strrchr (stripped, '.') + 1) == 2)
        y += 2000;

      if (y >= 1900 && y <= 2200 && g_date_valid_dmy (d, m, y))
        {
          *out_iso_date = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
          return TRUE;
        }
    }

  g_set_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_INVALID,
               _("“%s” is not a valid date."), text);
  return FALSE;
}

/**
 * rk_format_timestamp:
 * @iso_timestamp: a UTC time as stored in created_at and updated_at
 *
 * Returns: the local date and time as the locale writes them
 */
char *
rk_format_timestamp (const char *iso_timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *time = NULL;

  if (iso_timestamp == NULL ||
      (utc = g_date_time_new_from_iso8601 (iso_timestamp, NULL)) == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  iso = g_date_time_format (local, "%Y-%m-%d");
  date = rk_format_date (iso);
  time = g_date_time_format (local, "%H:%M");

  return g_strconcat (date, " ", time, NULL);
}
