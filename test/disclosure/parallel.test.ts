/** `protectParallel` (worker threads) gives exactly what `protect` gives. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DISCLOSURE, protect, protectParallel } from '../../src/disclosure/index.ts';
import { syntheticCatalogue, syntheticRows } from './synthetic.ts';

test('protectParallel on 2 workers = protect (same cells suppressed, same summary counts)', async () => {
  const rows = syntheticRows({ seed: 2, fylker: 3, kommunerPerFylke: 4, perioder: 3, scale: 40 });
  const seq = protect(rows, syntheticCatalogue());
  let ticks = 0;
  const par = await protectParallel(rows, syntheticCatalogue(), DEFAULT_DISCLOSURE, { workers: 2, onProgress: () => ticks++ });
  assert.ok(seq.summary.secondary > 0, 'the table needs secondary suppression');
  assert.deepEqual(par.rows, seq.rows);
  for (const k of ['primary', 'secondary', 'intervalRepairs', 'coarsened', 'method'] as const) assert.equal(par.summary[k], seq.summary[k], k);
  assert.ok(ticks > 0, 'progress is reported from the workers');
});

test('the suppression pattern does not depend on the order of the input rows', () => {
  const rows = syntheticRows({ seed: 3, fylker: 3, kommunerPerFylke: 4, perioder: 2, scale: 40 });
  // A fixed permutation (reversed, then every other row first) stands in for DuckDB's row order.
  const shuffled = [...rows].reverse();
  const reordered = [...shuffled.filter((_, i) => i % 2 === 0), ...shuffled.filter((_, i) => i % 2 === 1)];
  const key = (r: (typeof rows)[number]) => [r.maal, r.periode, r.lovregime, r.gruppe, r.kjonn, r.region].join('|');
  const hidden = (out: readonly (typeof rows)[number][]) => out.filter((r) => r.status === ':').map(key).sort();
  const a = protect(rows, syntheticCatalogue());
  const b = protect(reordered, syntheticCatalogue());
  assert.ok(a.summary.secondary > 0);
  assert.deepEqual(hidden(b.rows), hidden(a.rows));
});

test('protectParallel with more workers than jobs finishes and still equals protect', async () => {
  const rows = syntheticRows({ seed: 4, fylker: 2, kommunerPerFylke: 2, perioder: 1, scale: 40 });
  const par = await protectParallel(rows, syntheticCatalogue(), DEFAULT_DISCLOSURE, { workers: 8 });
  assert.deepEqual(par.rows, protect(rows, syntheticCatalogue()).rows);
});
