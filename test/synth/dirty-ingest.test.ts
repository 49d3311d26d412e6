/**
 * The dirty generator and ingest agree: every planted fault is rejected with exactly the planted
 * (tabell, linje, kolonne, aarsak_kode), and nothing else is rejected (no cascades).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, FAULTS_FILE } from '../../src/synth/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { assertReconciled } from '../ingest/reconcile.ts';

const key = (r: { tabell: string; linje: number; kolonne: string; aarsak_kode: string }) =>
  `${r.tabell}|${r.linje}|${r.kolonne}|${r.aarsak_kode}`;

function readPlanted(dir: string): string[] {
  const [, ...lines] = readFileSync(join(dir, FAULTS_FILE), 'utf8').trim().split('\n');
  return lines.map((l) => {
    const [tabell, linje, kolonne, aarsak_kode] = l.split(',');
    return key({ tabell: tabell ?? '', linje: Number(linje), kolonne: kolonne ?? '', aarsak_kode: aarsak_kode ?? '' });
  });
}

test('dirty small data: ingest rejects exactly the planted faults', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'synth-dirty-'));
  try {
    const out = join(dir, 'in');
    await generate({ scale: 'small', seed: 11, outDir: out, dirty: true });
    const planted = readPlanted(out);
    assert.ok(planted.length > 100, `expected many planted faults, got ${planted.length}`);
    const report = await ingest({ inputDir: out, dbPath: join(dir, 'store.duckdb'), referenceDate: '2026-06-30' });
    assert.equal(report.ok, true, report.errors.join('; '));
    await assertReconciled(report, out);
    assert.deepEqual(report.refused, []);
    assert.equal(report.rejected_truncated, false, 'rejection list was capped; raise the cap or lower the fault count');
    const rejected = report.rejected.map(key);
    const plantedSet = new Set(planted);
    const rejectedSet = new Set(rejected);
    const missed = planted.filter((k) => !rejectedSet.has(k));
    const extra = rejected.filter((k) => !plantedSet.has(k));
    assert.deepEqual({ missed: missed.slice(0, 20), extra: extra.slice(0, 20) }, { missed: [], extra: [] });
    assert.equal(rejected.length, planted.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('clean small data: ingest rejects nothing', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'synth-clean-'));
  try {
    const out = join(dir, 'in');
    const summary = await generate({ scale: 'small', seed: 12, outDir: out, persons: 800 });
    const report = await ingest({ inputDir: out, dbPath: join(dir, 'store.duckdb'), referenceDate: '2026-06-30' });
    assert.equal(report.ok, true, report.errors.join('; '));
    await assertReconciled(report, out);
    assert.deepEqual(report.rejected.slice(0, 10), []);
    const loaded = Object.fromEntries(report.files.map((f) => [f.tabell, f.rows_loaded]));
    for (const [table, n] of Object.entries(summary.rows)) assert.equal(loaded[table], n, `${table}: all rows loaded`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
