/**
 * addMonths (pure TS) must give exactly what DuckDB gives for `date + INTERVAL n MONTH` (via the
 * store's one dialect helper), so deadlines computed in TS and in SQL agree (law-rules §4).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, sql } from '../store/index.ts';
import { addMonths } from './index.ts';

test('addMonths agrees with DuckDB on every month end and mid-month day 2019–2025, offsets -14…+40', async () => {
  const store = await openStore(':memory:');
  try {
    const rows = await store.all<{ d: string; n: number; r: string }>(
      `WITH days AS (
         SELECT CAST(d AS DATE) AS d FROM range(DATE '2019-01-01', DATE '2025-12-31', INTERVAL 1 DAY) t(d)
         WHERE day(CAST(d AS DATE)) IN (1, 15, 28, 29, 30, 31)),
       offs AS (SELECT CAST(n AS INTEGER) AS n FROM range(-14, 41) o(n))
       SELECT strftime(d, '%Y-%m-%d') AS d, n, strftime(${sql.addMonths('d', 'n')}, '%Y-%m-%d') AS r FROM days, offs`,
    );
    assert.ok(rows.length > 10_000, `expected many cases, got ${rows.length}`);
    const mismatches = rows.filter((row) => addMonths(row.d, Number(row.n)) !== row.r).slice(0, 5);
    assert.deepEqual(mismatches, []);
  } finally {
    await store.close();
  }
});
