/**
 * Typed values of validated text: the store's column types (date → DATE, month → DATE of the
 * first day, int → INTEGER, number → DOUBLE, bool → BOOLEAN, else VARCHAR), and the label
 * mappings of old-act data (table 5.2 reasons, old element labels).
 */
import type { ColumnSpec } from '../contract/index.ts';
import { CODE_LISTS, OLD_ELEMENT_LABELS, TABLE_5_2_LABELS } from '../contract/index.ts';
import { sql } from '../store/index.ts';

/** Verbatim labels accepted for a code column, mapped to today's code. */
export function labelMap(c: ColumnSpec): Readonly<Record<string, string>> {
  if (c.codes === 'aarsak') return TABLE_5_2_LABELS;
  if (c.codes === 'element') return OLD_ELEMENT_LABELS;
  return {};
}

/** Codes a column accepts: its code list plus any verbatim old labels. */
export function acceptedCodes(c: ColumnSpec): string[] {
  const list: readonly string[] = c.codes ? CODE_LISTS[c.codes] : [];
  return [...list, ...Object.keys(labelMap(c))];
}

/** Whether the store keeps the delivered text in `<col>_opprinnelig`. */
export function keepsOriginal(c: ColumnSpec): boolean {
  return c.type === 'kommune' || Object.keys(labelMap(c)).length > 0;
}

export function sqlType(c: ColumnSpec): string {
  switch (c.type) {
    case 'date':
    case 'month':
      return 'DATE';
    case 'int':
      return 'INTEGER';
    case 'number':
      return 'DOUBLE';
    case 'bool':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

/** DATE of a date or month column; `lenient` (TRY_CAST) inside checks, where rows may still be invalid. */
export function temporalValue(c: ColumnSpec, v: string, lenient = false): string {
  const cast = lenient ? 'TRY_CAST' : 'CAST';
  return c.type === 'month' ? `${cast}(${v} || '-01' AS DATE)` : `${cast}(${v} AS DATE)`;
}

export function numericValue(c: ColumnSpec, v: string, lenient = false): string {
  const cast = lenient ? 'TRY_CAST' : 'CAST';
  return c.type === 'int' ? `${cast}(${v} AS INTEGER)` : `${cast}(replace(${v}, ',', '.') AS DOUBLE)`;
}

/** The typed expression of a validated column (the harmonised code for municipalities). */
export function typedValue(c: ColumnSpec, v: string): string {
  switch (c.type) {
    case 'date':
    case 'month':
      return temporalValue(c, v);
    case 'int':
    case 'number':
      return numericValue(c, v);
    case 'bool':
      return `(lower(${v}) = 'true')`;
    case 'kommune':
      return `(SELECT ny FROM ${sql.quoteIdent('_kommunekart')} k WHERE k.kode = ${v})`;
    default: {
      const labels = Object.entries(labelMap(c));
      if (labels.length === 0) return v;
      return `CASE ${v} ${labels.map(([l, code]) => `WHEN ${sql.lit(l)} THEN ${sql.lit(code)}`).join(' ')} ELSE ${v} END`;
    }
  }
}

/** Store columns of a contract table: name and SQL type, with `<col>_opprinnelig` after harmonised ones, then `_linje`. */
export function storeColumns(columns: readonly ColumnSpec[]): { name: string; type: string; expr: string }[] {
  const out: { name: string; type: string; expr: string }[] = [];
  for (const c of columns) {
    const v = sql.quoteIdent(c.name);
    out.push({ name: c.name, type: sqlType(c), expr: typedValue(c, v) });
    if (keepsOriginal(c)) out.push({ name: `${c.name}_opprinnelig`, type: 'VARCHAR', expr: v });
  }
  out.push({ name: '_linje', type: 'INTEGER', expr: 'ln' });
  return out;
}
