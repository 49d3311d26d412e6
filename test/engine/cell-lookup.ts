/**
 * Looking up hand-checked cells in computed rows: one cell by its key (unnamed dimensions are the
 * totals: group, regime and sex `alle`, the country, no botid), and the check of a share's counts,
 * value and Wilson interval. Shared by the hand-checked tests.
 */
import assert from 'node:assert/strict';
import type { ResultRow } from '../../src/contract/results.ts';

export interface CellKey {
  indikator: string;
  maal: string;
  periode: number;
  gruppe?: string;
  lovregime?: string;
  regionniva?: string;
  region?: string;
  kjonn?: string;
  botid?: number | null;
}

/** Lookups over the rows `rows()` returns (a getter: tests fill their rows in `before`). */
export function cellLookup(rows: () => readonly ResultRow[]) {
  const matching = (k: CellKey): ResultRow[] => {
    const want = { gruppe: 'alle', lovregime: 'alle', regionniva: 'land', region: '0', kjonn: 'alle', botid: null, ...k };
    return rows().filter((r) => (Object.keys(want) as (keyof typeof want)[]).every((f) => r[f] === want[f]));
  };
  /** The cell with this key, or undefined when there is none (fails on more than one). */
  const find = (k: CellKey): ResultRow | undefined => {
    const found = matching(k);
    assert.ok(found.length <= 1, `more than one cell for ${JSON.stringify(k)}`);
    return found[0];
  };
  /** The one cell with this key (fails when there is none). */
  const cell = (k: CellKey): ResultRow => {
    const found = matching(k);
    assert.equal(found.length, 1, `expected one cell for ${JSON.stringify(k)}, found ${found.length}`);
    return found[0]!;
  };
  /** True when no cell has this key. */
  const absent = (k: CellKey): boolean => matching(k).length === 0;
  /** A published share: its counts, `mangler`, the value in per cent and the value inside its interval. */
  const share = (k: CellKey, teller: number, nevner: number, mangler = 0): void => {
    const c = cell(k);
    assert.deepEqual(
      { teller: c.teller, nevner: c.nevner, mangler: c.mangler, status: c.status },
      { teller, nevner, mangler, status: '' },
      JSON.stringify(k),
    );
    assert.equal(c.verdi, Math.round((1000 * teller) / nevner) / 10, JSON.stringify(k));
    assert.ok(c.ki_nedre! <= c.verdi! && c.verdi! <= c.ki_ovre!, `the value lies inside its Wilson interval: ${JSON.stringify(k)}`);
  };
  return { find, cell, absent, share };
}
