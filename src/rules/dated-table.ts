/**
 * Lookup in dated tables and the consistency check of all tables. Pure.
 */
import type { DatedRow, DatedRuleTable } from './types.ts';
import { RuleNotInForceError } from './types.ts';
import { assertIsoDate } from './dates.ts';

/** True when date lies within the row's validity (both ends inclusive, null = open). */
export function rowCovers(row: DatedRow, date: string): boolean {
  return (row.validFrom === null || row.validFrom <= date) && (row.validTo === null || date <= row.validTo);
}

/** The row of `table` for `key` in force on `date`, or undefined. */
export function findRow<V>(table: DatedRuleTable<V>, key: string, date: string): DatedRow<V> | undefined {
  assertIsoDate(date);
  return table.rows.find((r) => r.key === key && rowCovers(r, date));
}

/** The value of `table` for `key` in force on `date`; throws RuleNotInForceError when none. */
export function lookup<V>(table: DatedRuleTable<V>, key: string, date: string): V {
  const row = findRow(table, key, date);
  if (!row) {
    throw new RuleNotInForceError(`${table.id}: no rule for "${key}" in force on ${date}`);
  }
  return row.value;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks every table: well-formed dates, validFrom ≤ validTo, a source on every row, and no two
 * rows of the same key with overlapping validity (an amendment must close the old row).
 * Returns all errors as `tableId.rows[i]: message`, an empty list when all is well.
 */
export function checkRuleTables(tables: Readonly<Record<string, DatedRuleTable>>): string[] {
  const errors: string[] = [];
  for (const [name, table] of Object.entries(tables)) {
    if (table.id !== name) errors.push(`${name}: id "${table.id}" differs from its name`);
    table.rows.forEach((row, i) => {
      const at = `${name}.rows[${i}] (${row.key})`;
      for (const d of [row.validFrom, row.validTo]) {
        if (d !== null && !ISO.test(d)) errors.push(`${at}: "${d}" is not a YYYY-MM-DD date`);
      }
      if (row.validFrom !== null && row.validTo !== null && row.validFrom > row.validTo) {
        errors.push(`${at}: validFrom ${row.validFrom} is after validTo ${row.validTo}`);
      }
      if (!row.source.law) errors.push(`${at}: missing legal source`);
      table.rows.forEach((other, j) => {
        if (j <= i || other.key !== row.key) return;
        if (overlaps(row, other)) {
          errors.push(`${at}: overlaps ${name}.rows[${j}] (${span(row)} and ${span(other)})`);
        }
      });
    });
  }
  return errors;
}

function overlaps(a: DatedRow, b: DatedRow): boolean {
  const aStartsBeforeBEnds = a.validFrom === null || b.validTo === null || a.validFrom <= b.validTo;
  const bStartsBeforeAEnds = b.validFrom === null || a.validTo === null || b.validFrom <= a.validTo;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

function span(r: DatedRow): string {
  return `${r.validFrom ?? '…'}–${r.validTo ?? '…'}`;
}
