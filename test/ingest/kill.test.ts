/**
 * A run killed mid-load (SIGKILL) leaves the store exactly as it was. The child pauses after
 * loading `personer` through the documented test hook INTEGRERINGSMONITOR_INGEST_PAUSE_AFTER,
 * so the kill lands deterministically while the new store is half built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/ingest/index.ts';
import { csv, person, programme, query, sha256, tempDir, write } from './fixtures.ts';
import { assertReconciled } from './reconcile.ts';

const BIN = fileURLToPath(new URL('../../bin/integreringsmonitor.js', import.meta.url));

test('SIGKILL mid-load leaves the store unchanged; the next run cleans up and succeeds', async () => {
  const dir = tempDir();
  const v1 = join(dir, 'v1');
  const v2 = join(dir, 'v2');
  const db = join(dir, 'store.duckdb');
  for (const [d, n] of [[v1, 2], [v2, 3]] as const) {
    const ids = Array.from({ length: n }, (_, i) => `p${i + 1}`);
    mkdirSync(d);
    write(d, 'personer.csv', csv('personer', ids.map((id) => person(id))));
    write(d, 'introprogram.csv', csv('introprogram', ids.map((id) => programme(id))));
  }
  const first = await ingest({ inputDir: v1, dbPath: db, referenceDate: '2024-06-30', threads: 1 });
  assert.equal(first.ok, true);
  await assertReconciled(first, v1);
  const before = sha256(db);

  const child = spawn(process.execPath, [BIN, 'ingest', '--input', v2, '--db', db, '--reference-date', '2024-06-30'], {
    env: { ...process.env, INTEGRERINGSMONITOR_INGEST_PAUSE_AFTER: 'personer' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const paused = await new Promise<boolean>((resolve) => {
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      if (err.includes('ingest-pause:personer')) resolve(true);
    });
    child.on('exit', () => resolve(false));
  });
  assert.ok(paused, 'child reached the pause point');
  assert.ok(readdirSync(dir).some((f) => f.includes('.ingest-')), 'a temporary store is being built');
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGKILL');
  await exited;

  assert.equal(sha256(db), before, 'store byte-identical after the kill');
  const n = await query(db, 'SELECT count(*) AS n FROM personer');
  assert.equal(Number(n[0]!['n']), 2);

  const second = await ingest({ inputDir: v2, dbPath: db, referenceDate: '2024-06-30', threads: 1 });
  assert.equal(second.ok, true);
  await assertReconciled(second, v2);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.ingest-')), [], 'stale temporary files removed');
  const m = await query(db, 'SELECT count(*) AS n FROM personer');
  assert.equal(Number(m[0]!['n']), 3);
});
