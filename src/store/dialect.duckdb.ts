/**
 * The DuckDB dialect: every piece of SQL text that is DuckDB's own (quoting, literals, date
 * arithmetic, query syntax, file access, packed rows), as one object implementing `SqlDialect`
 * (dialect.ts). The text each method returns is exactly what the stages wrote inline before (the
 * SQL snapshot tests pin it).
 */
import type { DialectCapabilities, RowSource, SqlDialect } from './dialect.ts';
import { portable } from './dialect.portable.ts';

const CAPABILITIES: DialectCapabilities = { qualify: true, groupByAll: true, lists: true, argMinMax: true, files: true };

/** Quotes an identifier: quoteIdent('maal') → "maal". */
function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal, escaped: lit("O'Brien") → 'O''Brien'. Use bound parameters for user input. */
function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function litNum(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

function litList(values: readonly string[]): string {
  return `(${values.map(lit).join(', ')})`;
}

function dateLit(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return `DATE ${lit(iso)}`;
}

/** expr + n calendar months (2021-03-15 + 3 months = 2021-06-15; month ends clamp). */
function addMonths(expr: string, months: number | string): string {
  return `(${expr} + to_months(CAST(${months} AS INTEGER)))::DATE`;
}

/** Whole days between two date expressions (b − a). */
function daysBetween(a: string, b: string): string {
  return `date_diff('day', ${a}, ${b})`;
}

/** Calendar year of a date expression. */
function yearOf(expr: string): string {
  return `CAST(year(${expr}) AS INTEGER)`;
}

/** First day of a year as a date expression. */
function yearStart(yearExpr: string): string {
  return `make_date(CAST(${yearExpr} AS INTEGER), 1, 1)`;
}

/** Last day of a year as a date expression. */
function yearEnd(yearExpr: string): string {
  return `make_date(CAST(${yearExpr} AS INTEGER), 12, 31)`;
}

/** A date in year expr at month/day: dateInYear('aar', 11, 1) → 1 November of aar. */
function dateInYear(yearExpr: string, month: number, day: number): string {
  return `make_date(CAST(${yearExpr} AS INTEGER), ${month}, ${day})`;
}

/** Safe division that yields NULL on a zero denominator. */
function safeDiv(num: string, den: string): string {
  return `(${num})::DOUBLE / NULLIF(${den}, 0)`;
}

// ---- Query syntax the engine uses that is DuckDB's own ----
// Each helper names the construct so a second dialect (README.md "Adding a dialect") replaces it in
// one place. The text they return is exactly what the engine wrote inline before (SQL snapshots).

/**
 * GROUP BY the non-aggregated `columns` (their source expressions). DuckDB groups by every
 * non-aggregated column (`GROUP BY ALL`); a dialect without it lists `columns`.
 */
function groupBy(columns: readonly string[]): string {
  return CAPABILITIES.groupByAll ? 'GROUP BY ALL' : portable.groupBy(columns);
}

/** The first row per `partition` in `order` of a row source (DuckDB: `QUALIFY` after FROM/WHERE). */
function firstRowPer(source: RowSource, partition: string, order: string): string {
  if (!CAPABILITIES.qualify) return portable.firstRowPer(source, partition, order);
  const where = source.where ? ` WHERE ${source.where}` : '';
  return `SELECT ${source.columns.join(', ')} FROM ${source.from}${where} QUALIFY row_number() OVER (PARTITION BY ${partition} ORDER BY ${order}) = 1`;
}

/** A list literal of strings: ['a', 'b'] (PostgreSQL: ARRAY['a', 'b']). */
function listLit(values: readonly string[]): string {
  return `[${values.map(lit).join(', ')}]`;
}

/** True when the list expression shares an element with the list literal (PostgreSQL: `&&`). */
function listHasAny(listExpr: string, values: readonly string[]): string {
  return `list_has_any(${listExpr}, ${listLit(values)})`;
}

/** 1-based position of expr in a list, NULL when absent (PostgreSQL: array_position). */
function listPosition(listExpr: string, expr: string): string {
  return `list_position(${listExpr}, ${expr})`;
}

/** The `value` of the row with the largest `by` in the group (PostgreSQL: an ordered array_agg, or DISTINCT ON). */
function argMax(value: string, by: string): string {
  return `arg_max(${value}, ${by})`;
}

/** The `value` of the row with the smallest `by` in the group. */
function argMin(value: string, by: string): string {
  return `arg_min(${value}, ${by})`;
}

/** The median of expr as an aggregate (PostgreSQL: percentile_cont(0.5) WITHIN GROUP (ORDER BY expr)). */
function median(expr: string): string {
  return `median(${expr})`;
}

// ---- Ingest helpers (added by ingest, additive) ----

/**
 * A CSV file as one VARCHAR column `l` per physical line, in file order, blank lines as NULL.
 * Ingest splits the fields itself so it can report exact physical line numbers.
 */
function readLines(path: string): string {
  return (
    `read_csv(${lit(path)}, columns={'l': 'VARCHAR'}, header=false, auto_detect=false, ` +
    `delim=chr(1)||chr(2)||chr(3), quote='', escape='')`
  );
}

/**
 * Every physical line of a text file, split on LF only (so CRLF, LF and a lone CR inside a line
 * all survive as they are), in file order, as column `l`; a final empty piece after the last LF
 * is left out. Slower than readLines (one string, split on one thread), for files readLines
 * cannot read exactly: mixed line ends, lone CR, lines over 1 MB.
 */
function readLinesExact(path: string): string {
  return (
    `(SELECT unnest(CASE WHEN x[-1] = '' THEN x[1:-2] ELSE x END) AS l ` +
    `FROM (SELECT string_split(content, chr(10)) AS x FROM read_text(${lit(path)})))`
  );
}

/** A Parquet file with its 0-based row number in column `file_row_number`. */
function readParquet(path: string): string {
  return `read_parquet(${lit(path)}, file_row_number=true)`;
}

/** True when the whole of expr matches the regular expression (RE2 syntax). */
function fullMatch(expr: string, pattern: string): string {
  return `regexp_full_match(${expr}, ${lit(pattern)})`;
}

/** CAST that yields NULL instead of failing. */
function tryCast(expr: string, type: string): string {
  return `TRY_CAST(${expr} AS ${type})`;
}

/**
 * The fields of one CSV line (RFC 4180) as a VARCHAR list, quotes removed and "" unescaped.
 * Lines without a quote take the fast path (plain split). `delimiter` is ',' or ';'.
 */
function csvFields(lineExpr: string, delimiter: string): string {
  const d = lit(delimiter);
  const re = lit(`${delimiter}("(?:[^"]|"")*"|[^${delimiter}"]*)`);
  return (
    `CASE WHEN contains(${lineExpr}, '"') THEN list_transform(regexp_extract_all(${d} || ${lineExpr}, ${re}, 1), ` +
    `x -> CASE WHEN x LIKE '"%' THEN replace(x[2:-2], '""', '"') ELSE x END) ` +
    `ELSE string_split(${lineExpr}, ${d}) END`
  );
}

/** False when a CSV line's quoting is broken (text outside quotes next to a quoted part, an unclosed quote). */
function csvWellFormed(lineExpr: string, delimiter: string): string {
  const d = lit(delimiter);
  // CASE, not OR: a projection evaluates both sides of OR, and the regex is the slow side.
  // RFC 4180: CR and LF may only occur inside a quoted field (a line's own CR is trimmed before).
  const reNoCr = lit(`${delimiter}("(?:[^"]|"")*"|[^${delimiter}"\\r\\n]*)`);
  return (
    `CASE WHEN contains(${lineExpr}, '"') THEN ` +
    `array_to_string(regexp_extract_all(${d} || ${lineExpr}, ${reNoCr}, 0), '') = ${d} || ${lineExpr} ` +
    `ELSE NOT contains(${lineExpr}, chr(13)) END`
  );
}

// ---- Packed rows (added by engine, additive) ----

/** Field and NULL markers of a packed row (control characters that do not occur in the data). */
const PACK_SEPARATOR = '\u001f';
const PACK_NULL = '\u001e';

/**
 * Several expressions as ONE text value per row (fields joined by U+001F, NULL as U+001E).
 * Moving one string per row to JavaScript and splitting it there is several times faster than
 * moving the values one by one; the reader must check the field count (see engine/prepare-sql.ts).
 */
function packRow(exprs: readonly string[]): string {
  return `concat_ws(chr(31), ${exprs.map((e) => `COALESCE(CAST(${e} AS VARCHAR), chr(30))`).join(', ')})`;
}

/** Field `index` (1-based) of a packed row split into a list (string_split(p, chr(31))), typed; U+001E is NULL. */
function packedField(listExpr: string, index: number, type: string): string {
  const f = `${listExpr}[${litNum(index)}]`;
  return `CASE WHEN ${f} = chr(30) THEN NULL ELSE CAST(${f} AS ${type}) END`;
}

/** A packed text column split into its fields (a list), for packedField. */
function unpackRow(expr: string): string {
  return `string_split(${expr}, chr(31))`;
}

// ---- Publication helpers (added by publish, additive) ----

/**
 * A DOUBLE as JavaScript's String(n) writes it: integral values without '.0' (12, not 12.0),
 * others in shortest round-trip form; NULL for NULL, NaN and ±Infinity.
 */
function numberText(expr: string): string {
  return (
    `CASE WHEN ${expr} IS NULL OR NOT isfinite(${expr}) THEN NULL ` +
    `WHEN ${expr} = trunc(${expr}) AND abs(${expr}) < 1e15 THEN CAST(CAST(${expr} AS BIGINT) AS VARCHAR) ` +
    `ELSE CAST(${expr} AS VARCHAR) END`
  );
}

/**
 * Writes a query's rows to a CSV file in the engine (RFC 4180: ',' separated, header, CRLF line
 * ends, quotes only where needed, NULL as an empty field).
 */
function copyToCsv(query: string, path: string): string {
  return `COPY (${query}) TO ${lit(path)} (FORMAT CSV, HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"', NEW_LINE '\\r\\n')`;
}

/** A headerless RFC 4180 CSV file with the given column types, empty field = NULL (bulk loading). */
function readCsvTyped(path: string, columns: readonly (readonly [string, string])[]): string {
  const cols = columns.map(([n, t]) => `${lit(n)}: ${lit(t)}`).join(', ');
  return `read_csv(${lit(path)}, columns={${cols}}, header=false, auto_detect=false, delim=',', quote='"', escape='"', new_line='\\n')`;
}

/** The DuckDB dialect (the embedded store's engine). */
export const duckdb = {
  name: 'duckdb',
  capabilities: CAPABILITIES,
  PACK_SEPARATOR,
  PACK_NULL,
  quoteIdent,
  lit,
  litNum,
  litList,
  dateLit,
  addMonths,
  daysBetween,
  yearOf,
  yearStart,
  yearEnd,
  dateInYear,
  safeDiv,
  groupBy,
  firstRowPer,
  listLit,
  listHasAny,
  listPosition,
  argMax,
  argMin,
  median,
  readLines,
  readLinesExact,
  readParquet,
  fullMatch,
  tryCast,
  csvFields,
  csvWellFormed,
  packRow,
  packedField,
  unpackRow,
  numberText,
  copyToCsv,
  readCsvTyped,
} as const satisfies SqlDialect;
