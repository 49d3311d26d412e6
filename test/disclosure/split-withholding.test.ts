/**
 * Issue 11 item 4 on a hand-made table: a tiny regime remainder (the old act, 3 persons in the
 * country) must not cost the large totals. Worked by hand: in land 0 = 11 + 12 and, per region,
 * alle = introduksjonsloven + integreringsloven, the old-act cells are primary (n < 5). Plain
 * suppression must then hide, in each of the three regime lines, a second part — the new-act cell
 * or the total, both ≥ 100 persons. Withholding the regime split publishes the coarser table:
 * the `alle` cells stay, the regime cells get '.', and the attacker still recovers nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DISCLOSURE, assertNoUnsafeCells, protect } from '../../src/disclosure/index.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { attack } from './attacker.ts';
import { catalogue, cell } from './helpers.ts';

const table: [string, ResultRow['lovregime'], number, number][] = [
  ['0', 'alle', 200, 500], ['0', 'integreringsloven', 199, 497], ['0', 'introduksjonsloven', 1, 3],
  ['11', 'alle', 100, 250], ['11', 'integreringsloven', 99, 248], ['11', 'introduksjonsloven', 1, 2],
  ['12', 'alle', 100, 250], ['12', 'integreringsloven', 100, 249], ['12', 'introduksjonsloven', 0, 1],
];
const rows = table.map(([region, lovregime, teller, nevner]) => cell({ region, lovregime, teller, nevner }));
const label = (r: ResultRow) => `${r.region}/${r.lovregime}`;
const large = (safe: readonly ResultRow[]) => safe.filter((r, i) => r.status === ':' && rows[i]!.nevner! >= 100).map(label);

test('by default (no split withholding) a large cell is hidden to protect the old-act remainder', () => {
  const { rows: safe } = protect(rows, catalogue());
  assert.ok(large(safe).length >= 3, `large cells hidden: ${large(safe).join(', ')}`);
});

test('withholding the regime split keeps every large total published, and nothing is recoverable', () => {
  const { rows: safe, summary } = protect(rows, catalogue(), { ...DEFAULT_DISCLOSURE, protectLarge: 100 });
  assertNoUnsafeCells(safe);
  assert.deepEqual(large(safe), []);
  // The totals are published with their figures; every regime cell is withheld with '.'.
  for (const region of ['0', '11', '12']) {
    const total = safe.find((r) => r.region === region && r.lovregime === 'alle')!;
    assert.equal(total.status, '');
    assert.equal(total.nevner, rows.find((r) => r.region === region && r.lovregime === 'alle')!.nevner);
  }
  const regime = safe.filter((r) => r.lovregime !== 'alle');
  assert.deepEqual(regime.map((r) => r.status), regime.map(() => '.'));
  assert.ok(regime.every((r) => r.teller === null && r.nevner === null && r.verdi === null));
  assert.equal(summary.splitWithheld, 6);
  assert.equal(summary.primary + summary.secondary, 0);
  assert.match(summary.withheldSplits.join(), /lovregime \(land, fylke, kommune\)/);
  const rep = attack(rows, safe, { additiveGroup: () => null, width: DEFAULT_DISCLOSURE.minCount });
  assert.equal(rep.cellsAttacked, 6);
  assert.deepEqual(rep.inconsistent, []);
  assert.deepEqual(rep.recovered, []);
});
