import type { RowSource } from './dialect.ts';

/**
 * Standard-SQL forms of the constructs behind the capability flags: what a dialect without the
 * capability returns (PostgreSQL and Trino run both). Tested against DuckDB's native forms.
 */
export const portable = {
  groupBy(columns: readonly string[]): string {
    if (columns.length === 0) throw new Error('groupBy: no columns');
    return `GROUP BY ${columns.join(', ')}`;
  },
  firstRowPer(source: RowSource, partition: string, order: string): string {
    const where = source.where ? ` WHERE ${source.where}` : '';
    if (source.columns.includes('*')) throw new Error('firstRowPer: list the columns (the portable form cannot drop its row number from *)');
    // The window is computed inside, over the source's own columns (order may use columns not selected).
    return `SELECT ${source.columns.join(', ')} FROM (SELECT *, row_number() OVER (PARTITION BY ${partition} ORDER BY ${order}) AS rn__ FROM ${source.from}${where}) q WHERE rn__ = 1`;
  },
} as const;

