/**
 * Issue 13: the independent attacker with LP-strength bounds (`lp: true`) must find what bound
 * propagation cannot. A deliberately weak suppression — the pattern the propagation-only audit
 * (`exactBounds: 0`) chose for this synthetic table on 2 December 2026, stored as a mask so the
 * test does not depend on the production code — leaves no count narrower than 3 persons to
 * propagation, but the LP narrows some to [0, 1] or [6, 7] (a distribution's reasons ≤ its
 * denominator combined with the region, sex and regime sums). The LP stage's certificates (moves,
 * local LPs) must not change the outcome: with them off, the same cells are narrowed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResultRow } from '../../src/contract/results.ts';
import { attack } from './attacker.ts';
import { syntheticRows } from './synthetic.ts';

const additiveGroup = (_: string, maal: string) => (maal.startsWith('hoved:') ? 'hoved' : null);
const WIDTH = 3;

/** Suppressed cells of the weak pattern: bit i (after a leading 1) of this base-36 number is row i. */
const WEAK_MASK =
  'bgm5cko5ohfkgcakwmfbh550jnmccy8w0wes1xkrh2pcr07c6lep94oujatr0xd27hbrz9xk4g6ykl7by8e0qmhhs3ymp3zahh1bvk8hag8t935c41tvevv42p2oz3jmqjwg1' +
  'i8zgock8254cuy19uo4xzr7cq9ifromwsd20tbf32trekw2zn897s9d8dfyh8xpp7l6o768yoj2s4xlf5vz6nl8pa4ip49e9s18s1al7bwxpuz3tl1hcsf';

function weakTable(): { rows: ResultRow[]; weak: ResultRow[] } {
  const rows = syntheticRows({ seed: 3, fylker: 2, kommunerPerFylke: 2, perioder: 1, scale: 120 });
  let n = 0n;
  for (const ch of WEAK_MASK) n = n * 36n + BigInt(Number.parseInt(ch, 36));
  const bits = n.toString(2).slice(1);
  assert.equal(bits.length, rows.length, 'the mask fits the synthetic table');
  const weak = rows.map((r, i) => (bits[i] === '1' ? { ...r, status: ':' as const, teller: null, nevner: null, verdi: null, ki_nedre: null, ki_ovre: null } : r));
  return { rows, weak };
}

test('the LP attacker narrows counts that bound propagation leaves wide (a weak suppression; the test can fail)', { timeout: 900_000 }, () => {
  const { rows, weak } = weakTable();
  const prop = attack(rows, weak, { additiveGroup, width: WIDTH });
  assert.deepEqual(prop.inconsistent, []);
  assert.deepEqual(prop.recovered, [], 'propagation alone finds nothing in this pattern');
  const lp = attack(rows, weak, { additiveGroup, width: WIDTH, lp: true });
  console.log(`weak pattern: ${lp.cellsAttacked} suppressed cells, LP narrowed ${lp.narrowed}: ${lp.recovered.slice(0, 4).join('; ')}; ${JSON.stringify(lp.lp)}`);
  assert.deepEqual(lp.inconsistent, [], 'LP bounds contain the truth');
  assert.ok(lp.narrowed > 0 && lp.narrowed === lp.recovered.length, 'the LP narrows hidden counts below 3');
  // Each narrowed interval holds the true count and is narrower than 3.
  for (const r of lp.recovered) {
    const m = /^t:(\d+) in \[(\d+), (\d+)\] \(= (\d+)\)$/.exec(r);
    assert.ok(m, r);
    const [lo, hi, t] = [Number(m[2]), Number(m[3]), Number(m[4])];
    assert.ok(lo <= t && t <= hi && hi - lo < WIDTH, r);
    assert.equal(rows[Number(m[1])]!.teller, t);
  }
  // Certificates only skip LPs: without moves and local LPs the same cells are narrowed.
  const plain = attack(rows, weak, { additiveGroup, width: WIDTH, lp: true, moves: false });
  assert.deepEqual([...plain.recovered].sort(), [...lp.recovered].sort());
});
