/**
 * The one SQL dialect surface (style.md): every stage writes SQL text through `sql`, the active
 * dialect object, so nothing outside `store/` knows which engine runs it. A dialect is one file
 * implementing `SqlDialect` (today `dialect.duckdb.ts`); its `capabilities` say which constructs it
 * has natively, for the few places where the query's shape (not only its spelling) depends on them.
 * Adding an engine (PostgreSQL for shared deployments, Trino/Spark SQL at population scale): see
 * README.md "Adding a dialect".
 */
import { duckdb } from './dialect.duckdb.ts';

export { portable } from './dialect.portable.ts';

/** A single-table row source, for constructs whose shape depends on the dialect (firstRowPer). */
export interface RowSource {
  /** Output columns (expressions over `from`'s columns), or ['*']. */
  readonly columns: readonly string[];
  readonly from: string;
  readonly where?: string;
}

/** What a dialect has natively; where false, its methods emit the portable (longer) form. */
export interface DialectCapabilities {
  /** `QUALIFY` filters on window functions (else: DISTINCT ON or a row_number() subquery). */
  readonly qualify: boolean;
  /** `GROUP BY ALL` (else: the columns are listed). */
  readonly groupByAll: boolean;
  /** List values and functions (`[…]`, list_has_any, list_position, string_split): packed rows need them. */
  readonly lists: boolean;
  /** `arg_max` / `arg_min` aggregates (else: ordered array_agg or DISTINCT ON). */
  readonly argMinMax: boolean;
  /** The engine reads and writes files itself (read_csv, read_parquet, COPY TO): ingest and bulk CSV need it. */
  readonly files: boolean;
}

export interface SqlDialect {
  readonly name: string;
  readonly capabilities: DialectCapabilities;
  /** Field and NULL markers of a packed row (control characters that do not occur in the data). */
  readonly PACK_SEPARATOR: string;
  readonly PACK_NULL: string;

  // ---- Quoting and literals ----
  /** Quotes an identifier: quoteIdent('maal') → "maal". */
  quoteIdent(name: string): string;
  /** A string literal, escaped: lit("O'Brien") → 'O''Brien'. Use bound parameters for user input. */
  lit(value: string): string;
  litNum(value: number): string;
  litList(values: readonly string[]): string;
  dateLit(iso: string): string;

  // ---- Dates and arithmetic ----
  /** expr + n calendar months (2021-03-15 + 3 months = 2021-06-15; month ends clamp). */
  addMonths(expr: string, months: number | string): string;
  /** Whole days between two date expressions (b − a). */
  daysBetween(a: string, b: string): string;
  /** Calendar year of a date expression. */
  yearOf(expr: string): string;
  /** First day of a year as a date expression. */
  yearStart(yearExpr: string): string;
  /** Last day of a year as a date expression. */
  yearEnd(yearExpr: string): string;
  /** A date in year expr at month/day: dateInYear('aar', 11, 1) → 1 November of aar. */
  dateInYear(yearExpr: string, month: number, day: number): string;
  /** Safe division that yields NULL on a zero denominator. */
  safeDiv(num: string, den: string): string;

  // ---- Query syntax ----
  /**
   * GROUP BY the non-aggregated `columns` (their source expressions). DuckDB groups by every
   * non-aggregated column (`GROUP BY ALL`); a dialect without it lists `columns`.
   */
  groupBy(columns: readonly string[]): string;
  /**
   * The first row per `partition` in `order` of a `SELECT … FROM … [WHERE …]` (DuckDB: a `QUALIFY`
   * clause after it; PostgreSQL would wrap it in `SELECT DISTINCT ON (partition) * FROM (…) ORDER BY`).
   */
  firstRowPer(source: RowSource, partition: string, order: string): string;
  /** A list literal of strings: ['a', 'b'] (PostgreSQL: ARRAY['a', 'b']). */
  listLit(values: readonly string[]): string;
  /** True when the list expression shares an element with the list literal (PostgreSQL: `&&`). */
  listHasAny(listExpr: string, values: readonly string[]): string;
  /** 1-based position of expr in a list, NULL when absent (PostgreSQL: array_position). */
  listPosition(listExpr: string, expr: string): string;
  /** The `value` of the row with the largest `by` in the group (PostgreSQL: an ordered array_agg, or DISTINCT ON). */
  argMax(value: string, by: string): string;
  /** The `value` of the row with the smallest `by` in the group. */
  argMin(value: string, by: string): string;
  /** The median of expr as an aggregate (PostgreSQL: percentile_cont(0.5) WITHIN GROUP (ORDER BY expr)). */
  median(expr: string): string;

  // ---- Files and ingest (capability `files`) ----
  /**
   * A CSV file as one VARCHAR column `l` per physical line, in file order, blank lines as NULL.
   * Ingest splits the fields itself so it can report exact physical line numbers.
   */
  readLines(path: string): string;
  /**
   * Every physical line of a text file, split on LF only (so CRLF, LF and a lone CR inside a line
   * all survive as they are), in file order, as column `l`; a final empty piece after the last LF
   * is left out. Slower than readLines (one string, split on one thread), for files readLines
   * cannot read exactly: mixed line ends, lone CR, lines over 1 MB.
   */
  readLinesExact(path: string): string;
  /** A Parquet file with its 0-based row number in column `file_row_number`. */
  readParquet(path: string): string;
  /** True when the whole of expr matches the regular expression (RE2 syntax). */
  fullMatch(expr: string, pattern: string): string;
  /** CAST that yields NULL instead of failing. */
  tryCast(expr: string, type: string): string;
  /**
   * The fields of one CSV line (RFC 4180) as a VARCHAR list, quotes removed and "" unescaped.
   * Lines without a quote take the fast path (plain split). `delimiter` is ',' or ';'.
   */
  csvFields(lineExpr: string, delimiter: string): string;
  /** False when a CSV line's quoting is broken (text outside quotes next to a quoted part, an unclosed quote). */
  csvWellFormed(lineExpr: string, delimiter: string): string;

  // ---- Packed rows (capability `lists`) ----
  /**
   * Several expressions as ONE text value per row (fields joined by U+001F, NULL as U+001E).
   * Moving one string per row to JavaScript and splitting it there is several times faster than
   * moving the values one by one; the reader must check the field count (see engine/prepare-sql.ts).
   */
  packRow(exprs: readonly string[]): string;
  /** Field `index` (1-based) of a packed row split into a list (string_split(p, chr(31))), typed; U+001E is NULL. */
  packedField(listExpr: string, index: number, type: string): string;
  /** A packed text column split into its fields (a list), for packedField. */
  unpackRow(expr: string): string;

  // ---- Publication ----
  /**
   * A DOUBLE as JavaScript's String(n) writes it: integral values without '.0' (12, not 12.0),
   * others in shortest round-trip form; NULL for NULL, NaN and ±Infinity.
   */
  numberText(expr: string): string;
  /**
   * Writes a query's rows to a CSV file in the engine (RFC 4180: ',' separated, header, CRLF line
   * ends, quotes only where needed, NULL as an empty field).
   */
  copyToCsv(query: string, path: string): string;
  /** A headerless RFC 4180 CSV file with the given column types, empty field = NULL (bulk loading). */
  readCsvTyped(path: string, columns: readonly (readonly [string, string])[]): string;
}

/** The active dialect: the embedded store is DuckDB. */
export const sql: SqlDialect = duckdb;
