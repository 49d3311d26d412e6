/** A1 cells obey the tables' primary rule: the count O (= n × observed share) and n − O are never 1–2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparisonRows, primarySafe, type A1Unit } from '../../src/analysis/a1.ts';
import type { Frame } from '../../src/analysis/frame.ts';
import { OUTCOMES } from '../../src/analysis/outcomes.ts';

const frame = { outcome: OUTCOMES.find((o) => o.key === 'R2_b2')! } as unknown as Frame;
const unit = (region: string, n: number, observed: number): A1Unit => ({
  region, from: 2019, to: 2021, n, observed, expected: 0.4 * n, variance: 0.24 * n, rows: [],
});

test('A1 primary rule: counts 1–2 and complements 1–2 are withheld whole; zeros and larger counts are published', () => {
  const units = [unit('0001', 25, 2), unit('0002', 25, 23), unit('0003', 25, 0), unit('0004', 25, 10), unit('0005', 25, 1), unit('0006', 19, 8), unit('0007', 30, 27)];
  assert.deepEqual(units.map((u) => primarySafe(frame, u)), [false, false, true, true, false, true, true]);
  const { rows } = comparisonRows(frame, units, { analyse: 'A1', sammenligning: 'kommune_mot_forventet', regionniva: 'kommune' }, 20);
  const by = new Map(rows.map((r) => [r.region, r]));
  for (const code of ['0001', '0002', '0005', '0006']) {
    const r = by.get(code)!;
    assert.equal(r.status, ':', code);
    assert.ok([r.n, r.observert, r.forventet, r.differanse, r.ki_nedre, r.ki_ovre, r.krympet, r.vurdering].every((v) => v === null), code);
  }
  for (const code of ['0003', '0004', '0007']) {
    const r = by.get(code)!;
    assert.equal(r.status, '', code);
    // The published share gives the count back exactly: it must not be 1–2, nor its complement.
    const o = Math.round((r.n! * r.observert!) / 100);
    assert.ok(o === 0 || (o >= 3 && r.n! - o >= 3), `${code}: count ${o} of ${r.n}`);
  }
});
