/**
 * The one SQL dialect module: quoting, literals and date arithmetic for DuckDB.
 * Every stage that writes SQL text uses these helpers; engine-specific syntax lives only here.
 */

/** Quotes an identifier: quoteIdent('maal') → "maal". */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal, escaped: lit("O'Brien") → 'O''Brien'. Use bound parameters for user input. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function litNum(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

export function litList(values: readonly string[]): string {
  return `(${values.map(lit).join(', ')})`;
}

export function dateLit(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return `DATE ${lit(iso)}`;
}

/** expr + n calendar months (2021-03-15 + 3 months = 2021-06-15; month ends clamp). */
export function addMonths(expr: string, months: number | string): string {
  return `(${expr} + to_months(CAST(${months} AS INTEGER)))::DATE`;
}

/** Whole days between two date expressions (b − a). */
export function daysBetween(a: string, b: string): string {
  return `date_diff('day', ${a}, ${b})`;
}

/** Calendar year of a date expression. */
export function yearOf(expr: string): string {
  return `CAST(year(${expr}) AS INTEGER)`;
}

/** First day of a year as a date expression. */
export function yearStart(yearExpr: string): string {
  return `make_date(CAST(${yearExpr} AS INTEGER), 1, 1)`;
}

/** Last day of a year as a date expression. */
export function yearEnd(yearExpr: string): string {
  return `make_date(CAST(${yearExpr} AS INTEGER), 12, 31)`;
}

/** A date in year expr at month/day: dateInYear('aar', 11, 1) → 1 November of aar. */
export function dateInYear(yearExpr: string, month: number, day: number): string {
  return `make_date(CAST(${yearExpr} AS INTEGER), ${month}, ${day})`;
}

/** Safe division that yields NULL on a zero denominator. */
export function safeDiv(num: string, den: string): string {
  return `(${num})::DOUBLE / NULLIF(${den}, 0)`;
}
