/**
 * Issue 13 item 5: disclosure under inequalities. `alle` ≥ intro + norsk_rett_plikt + norsk_plikt
 * and `intro` ≥ its subgroups, with counts ≥ 0, must not narrow any hidden count below the
 * protection interval (3): checked by bound propagation in the audit, and by exact LP bounds
 * (HiGHS) when `exactBounds` is on; the attacker gets the same LP power (`lp: true`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DISCLOSURE, isPrimaryUnsafe, protect } from '../../src/disclosure/index.ts';
import { lpNarrow } from '../../src/disclosure/lp-bounds.ts';
import type { Gruppe, ResultRow } from '../../src/contract/results.ts';
import { attack } from './attacker.ts';
import { catalogue, cell } from './helpers.ts';
import { syntheticCatalogue, syntheticRows } from './synthetic.ts';

const additiveGroup = (_: string, maal: string) => (maal.startsWith('hoved:') ? 'hoved' : null);
const lpAttack = { additiveGroup, width: DEFAULT_DISCLOSURE.minCount, lp: true };

/**
 * The issue's example on `small` data: R5 `sosialhjelp`, 2015, botid 2, old act, sex 1, national:
 * alle 7 − intro 5 − norsk_rett_plikt 0 ⇒ norsk_plikt ≤ 2. Here as a national column of the six
 * groups (intro's subgroups hold 4 of its 5; `alle` holds one person in none of its groups).
 */
function issueExample(): ResultRow[] {
  const base = { indikator: 'R5', maal: 'sosialhjelp', periode: 2015, botid: 2, lovregime: 'introduksjonsloven', kjonn: '1', region: '0' } as const;
  const groups: [Gruppe, number, number][] = [
    ['alle', 7, 30], ['intro', 5, 20], ['under_25', 2, 6], ['har_vgo', 0, 5], ['ovrige', 2, 7],
    ['norsk_rett_plikt', 0, 5], ['norsk_plikt', 2, 4],
  ];
  return groups.map(([gruppe, teller, nevner]) => cell({ ...base, indikator: 'T1', maal: 'a', gruppe, teller, nevner }));
}

test('the issue example: primary suppression alone lets alle − intro − norsk_rett_plikt narrow norsk_plikt to [0, 2]', () => {
  const rows = issueExample();
  const primaryOnly = rows.map((r) =>
    isPrimaryUnsafe(r, { kind: 'share', additiveGroup: null }, DEFAULT_DISCLOSURE) ? { ...r, status: ':' as const, teller: null, nevner: null, verdi: null } : r,
  );
  const rep = attack(rows, primaryOnly, { additiveGroup, width: 3 });
  assert.deepEqual(rep.inconsistent, []);
  const np = rows.findIndex((r) => r.gruppe === 'norsk_plikt');
  assert.ok(rep.recovered.includes(`t:${np} in [0, 2] (= 2)`), `norsk_plikt must be narrowed: ${rep.recovered.join('; ')}`);
});

test('the issue example after protect: nothing narrowed, with propagation or LP', () => {
  const rows = issueExample();
  for (const exactBounds of [0, 1] as const) {
    const { rows: safe, summary } = protect(rows, catalogue(), { ...DEFAULT_DISCLOSURE, exactBounds });
    assert.equal(safe.find((r) => r.gruppe === 'norsk_plikt')!.status, ':');
    const rep = attack(rows, safe, lpAttack);
    assert.deepEqual(rep.inconsistent, []);
    assert.deepEqual(rep.recovered, [], `exactBounds ${exactBounds}`);
    assert.doesNotMatch(summary.method, /WARNING/);
  }
});

test('LP bounds see what propagation cannot: x = y and x + y ≤ 3 pin both to [0, 1]', () => {
  // Relations Σ coef·x + constant (= 0 or ≥ 0): x − y = 0; 3 − x − y ≥ 0. Propagation leaves
  // x, y in [0, 3] (width 3: "safe"); the LP gives x = y ≤ 1.5, so [0, 1].
  const sys = { count: 2, start: [0, 2, 4], vars: [0, 1, 0, 1], coefs: [1, -1, -1, -1], constant: [0, 3], ge: [0, 1] };
  const lo = Float64Array.from([0, 0]);
  const hi = Float64Array.from([3, 3]);
  const narrow = lpNarrow(sys, 2, [1, 1], lo, hi, Uint8Array.from([1, 1]), 3);
  assert.deepEqual(narrow.sort(), [0, 1]);
  assert.deepEqual([...lo, ...hi], [0, 0, 1, 1]);
  // Without the inequality x = y is free upwards: wide, nothing narrow.
  const free = { count: 1, start: [0, 2], vars: [0, 1], coefs: [1, -1], constant: [0], ge: [0] };
  assert.deepEqual(lpNarrow(free, 2, [1, 1], Float64Array.from([0, 0]), Float64Array.from([Infinity, Infinity]), Uint8Array.from([1, 1]), 3), []);
});

// One small table: the LP audit costs seconds per universe (docs/disclosure.md "Exact bounds").
for (const [seed, scale] of [[3, 120]] as const) {
  test(`exact bounds: the LP attacker recovers nothing (synthetic table, seed ${seed}, scale ${scale})`, { timeout: 600_000 }, () => {
    const rows = syntheticRows({ seed, fylker: 2, kommunerPerFylke: 2, perioder: 1, scale });
    const { rows: safe, summary } = protect(rows, syntheticCatalogue(), { ...DEFAULT_DISCLOSURE, exactBounds: 1 });
    const rep = attack(rows, safe, lpAttack);
    console.log(`seed ${seed}: ${rows.length} cells, ${rep.cellsAttacked} suppressed attacked with LP, recovered ${rep.recovered.length}, ${summary.seconds.toFixed(2)} s`);
    assert.deepEqual(rep.inconsistent, []);
    assert.ok(rep.cellsAttacked > 0);
    assert.deepEqual(rep.recovered, []);
  });
}
