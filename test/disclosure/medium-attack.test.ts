/**
 * Issue 4 acceptance: the attacker on every indicator's protected table from the real pipeline on
 * `medium` synthetic data (generate → ingest → compute → protect). No published cell may be unsafe,
 * no suppressed count may be recoverable exactly or within fewer than `minCount` persons, and every
 * relation the attacker assumes must hold in the engine's output. The national run is
 * `bench/attack-output.bench.ts` (see docs/disclosure.md for its figures).
 * The store is cached under out/test-cache/ (its own seed, apart from the engine's medium test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CATALOGUE } from '../../src/catalogue/index.ts';
import { assertNoUnsafeCells, DEFAULT_DISCLOSURE, protect } from '../../src/disclosure/index.ts';
import { computeAll } from '../../src/engine/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { generate } from '../../src/synth/index.ts';
import { attackByIndicator } from './pipeline.ts';

const dir = join('out', 'test-cache');
const db = join(dir, 'medium-attack.duckdb');

test('medium pipeline: every indicator protected, nothing recoverable', { timeout: 3_600_000 }, async () => {
  await mkdir(dir, { recursive: true });
  if (!existsSync(db)) {
    const data = join(dir, 'medium-attack-data');
    if (!existsSync(join(data, 'personer.csv'))) await generate({ scale: 'medium', seed: 5, outDir: data });
    assert.ok((await ingest({ inputDir: data, dbPath: db })).ok, 'ingest of medium data');
  }
  const store = await openStore(db);
  let rows;
  try {
    rows = (await computeAll(store)).rows;
  } finally {
    await store.close();
  }
  const { rows: safe, summary } = protect(rows, CATALOGUE);
  assertNoUnsafeCells(safe);
  assert.doesNotMatch(summary.method, /WARNING/);
  const { total, perIndicator } = attackByIndicator({ rows, safe, summary, catalogue: CATALOGUE, computeSeconds: 0 }, DEFAULT_DISCLOSURE.minCount);
  for (const [id, rep] of perIndicator) {
    console.log(`${id}: attacked ${rep.cellsAttacked} suppressed cells (${rep.unknowns} unknowns, ${rep.relations} relations), recovered ${rep.recovered.length}, zeros ${rep.zeros}`);
  }
  console.log(
    `medium: ${rows.length} cells, ${summary.primary} primary + ${summary.secondary} secondary suppressed ` +
      `(${(100 * summary.cellsSuppressedShare).toFixed(1)} % of cells, ${(100 * summary.personsSuppressedShare).toFixed(1)} % of persons) ` +
      `in ${summary.seconds.toFixed(1)} s; attacked ${total.cellsAttacked} cells, recovered ${total.recovered.length}`,
  );
  assert.ok(total.cellsAttacked > 10_000, 'the attack covered the suppressed cells');
  assert.deepEqual(total.inconsistent.slice(0, 10), [], 'relations the attacker assumed do not hold in the engine output');
  assert.deepEqual(total.recovered.slice(0, 20), []);
});
