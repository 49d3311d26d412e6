/**
 * The attacker test (issue 4): after protection, no suppressed count — numerator or denominator —
 * may be recoverable exactly or within fewer than `minCount` persons from the published cells.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoUnsafeCells, DEFAULT_DISCLOSURE, isPrimaryUnsafe, protect } from '../../src/disclosure/index.ts';
import { attack } from './attacker.ts';
import { syntheticCatalogue, syntheticRows } from './synthetic.ts';
import type { ResultRow } from '../../src/contract/results.ts';

const additiveGroup = (_: string, maal: string) => (maal.startsWith('hoved:') ? 'hoved' : null);
const opts = { additiveGroup, width: DEFAULT_DISCLOSURE.minCount };

test('the attacker recovers cells when only primary suppression is applied (the test can fail)', () => {
  const rows = syntheticRows({ seed: 7, fylker: 3, kommunerPerFylke: 3, perioder: 1, scale: 6 });
  const primaryOnly: ResultRow[] = rows.map((r) =>
    isPrimaryUnsafe(r, { kind: 'share', additiveGroup: null }, DEFAULT_DISCLOSURE)
      ? { ...r, status: ':', teller: null, nevner: null, verdi: null, ki_nedre: null, ki_ovre: null }
      : r,
  );
  const report = attack(rows, primaryOnly, opts);
  assert.deepEqual(report.inconsistent, []);
  assert.ok(report.recovered.length > 0, 'primary suppression alone must be attackable');
});

// From tiny municipalities (almost everything suppressed) to larger ones (most cells published).
for (const [seed, scale] of [[1, 10], [2, 40], [3, 120], [4, 400]] as const) {
  test(`no suppressed count is recoverable after protect (synthetic table, seed ${seed}, scale ${scale})`, () => {
    const rows = syntheticRows({ seed, fylker: 3, kommunerPerFylke: 4, perioder: 1, scale });
    const { rows: safe, summary } = protect(rows, syntheticCatalogue());
    assertNoUnsafeCells(safe);
    const report = attack(rows, safe, opts);
    console.log(
      `seed ${seed}: ${rows.length} cells, ${report.cellsAttacked} suppressed cells attacked ` +
        `(${report.unknowns} unknowns, ${report.relations} relations), recovered ${report.recovered.length}; ` +
        `primary ${summary.primary}, secondary ${summary.secondary} (${(100 * summary.cellsSuppressedShare).toFixed(0)} % of cells), ` +
        `${summary.seconds.toFixed(3)} s`,
    );
    assert.deepEqual(report.inconsistent, [], 'attacker bounds must contain the truth');
    assert.ok(report.cellsAttacked > 0);
    assert.ok(report.cellsAttacked < rows.length || scale < 20, 'larger tables must keep some cells published');
    assert.deepEqual(report.recovered, []);
    assert.match(summary.method, /audit of the reader/);
    assert.doesNotMatch(summary.method, /WARNING/);
  });
}
