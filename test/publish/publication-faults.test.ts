/**
 * Fault tests of the output paths (issue 13): a run killed while writing files, an output folder
 * that cannot be written, a truncated store, and `compute` while another process (a server) holds
 * the store. In each case the previous complete set must stay: the same files, the same version.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, StoreDamagedError, StoreLockedError } from '../../src/store/index.ts';
import { readDataVersion } from '../../src/publish/index.ts';
import { runPublication } from '../../src/pipeline/index.ts';
import { FIXTURE_CATALOGUE } from '../fixtures/fixture-catalogue.ts';
import { fixtureEngine } from './publish-child.ts';

const CHILD = new URL('./publish-child.ts', import.meta.url).pathname;

function child(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function waitFor(p: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    p.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes(marker)) resolve(out);
    });
    p.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    p.once('exit', (code) => reject(new Error(`child exited (${code}) before "${marker}": ${out}${err}`)));
  });
}

async function publishOnce(db: string, out: string, shift: number): Promise<string> {
  const store = await openStore(db);
  try {
    await runPublication(store, { out, disclosure: 'off', catalogue: FIXTURE_CATALOGUE, engine: fixtureEngine(shift), background: 'skip' });
    return await readDataVersion(store);
  } finally {
    await store.close();
  }
}

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

async function versionOf(db: string): Promise<string> {
  const store = await openStore(db, { readOnly: true });
  try {
    return await readDataVersion(store);
  } finally {
    await store.close();
  }
}

test('a run killed while writing files leaves the previous complete set and the previous version', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'im-fault-'));
  try {
    const db = join(dir, 'store.duckdb');
    const out = join(dir, 'resultater');
    const v1 = await publishOnce(db, out, 0);
    const before = snapshot(out);
    assert.ok(before.has('indikatorer.csv') && before.has('R1.json'));

    const p = child(['publish', db, out, '5'], { HOLD_AFTER_FILE: '2' });
    const said = await waitFor(p, 'FILE');
    assert.match(said, /FILE \S+/);
    p.kill('SIGKILL');
    await new Promise((r) => p.once('exit', r));

    assert.deepEqual(snapshot(out), before, 'the published folder is the previous set, byte for byte');
    assert.equal(await versionOf(db), v1, 'the store still serves the previous version');
    // The killed run's staged folder is cleaned up by the next run, which publishes normally.
    assert.ok(readdirSync(dir).some((f) => f.startsWith('.resultater.ny-')));
    const v2 = await publishOnce(db, out, 1);
    assert.notEqual(v2, v1);
    assert.ok(!readdirSync(dir).some((f) => f.startsWith('.resultater.')), readdirSync(dir).join(', '));
    assert.notDeepEqual(snapshot(out).get('indikatorer.csv'), before.get('indikatorer.csv'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Makes a folder unwritable even for root (chattr +i) or by mode; null when neither works here. */
function lockFolder(path: string): (() => void) | null {
  if (process.getuid?.() === 0) {
    const r = spawnSync('chattr', ['+i', path]);
    return r.status === 0 ? () => spawnSync('chattr', ['-i', path]) : null;
  }
  chmodSync(path, 0o555);
  return () => chmodSync(path, 0o755);
}

test('a read-only output folder fails before anything is computed or published', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'im-fault-'));
  const out = join(dir, 'resultater');
  const db = join(dir, 'store.duckdb');
  const v1 = await publishOnce(db, out, 0);
  const before = snapshot(out);
  const unlock = lockFolder(out);
  if (!unlock) {
    rmSync(dir, { recursive: true, force: true });
    t.skip('no way to make a folder read-only here');
    return;
  }
  try {
    let engineCalled = false;
    const store = await openStore(db);
    const t0 = performance.now();
    await assert.rejects(
      runPublication(store, {
        out,
        disclosure: 'off',
        catalogue: FIXTURE_CATALOGUE,
        background: 'skip',
        engine: async (...a) => {
          engineCalled = true;
          void a;
          return fixtureEngine(1)();
        },
      }),
      (err: Error) => /kan ikke skrive i utdatamappen|cannot write in the output folder/.test(err.message) && err.message.includes(out),
    );
    assert.ok(performance.now() - t0 < 5000, 'fails fast');
    assert.equal(engineCalled, false, 'nothing computed');
    assert.equal(await readDataVersion(store), v1, 'nothing published');
    await store.close();
    assert.deepEqual(snapshot(out), before);
    assert.ok(!readdirSync(dir).some((f) => f.startsWith('.resultater.')), 'no staged folder left');
  } finally {
    unlock();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a truncated store is reported as damaged, with what to do', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'im-fault-'));
  try {
    const db = join(dir, 'store.duckdb');
    await publishOnce(db, join(dir, 'resultater'), 0);
    truncateSync(db, Math.floor(statSync(db).size / 2));
    await assert.rejects(openStore(db), (err: Error) => {
      assert.ok(err instanceof StoreDamagedError, `${err.constructor.name}: ${err.message}`);
      assert.match(err.message, /skadet|damaged/);
      assert.match(err.message, /ingest/);
      return true;
    });
    // The CLI prints it as a user error (exit code 2), not a stack trace.
    const r = spawnSync(process.execPath, ['bin/integreringsmonitor.js', 'compute', '--db', db, '--out', join(dir, 'ut')], { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^Feil: lageret .* er skadet/);
    assert.doesNotMatch(r.stderr, /Uventet feil|at .*\.ts:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compute while a server holds the store says clearly why it cannot run, and changes nothing', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'im-fault-'));
  const db = join(dir, 'store.duckdb');
  const out = join(dir, 'resultater');
  const v1 = await publishOnce(db, out, 0);
  const server = child(['hold-open', db]);
  try {
    await waitFor(server, 'OPEN');
    await assert.rejects(openStore(db), (err: Error) => {
      assert.ok(err instanceof StoreLockedError, `${err.constructor.name}: ${err.message}`);
      assert.match(err.message, /i bruk av en annen prosess/);
      assert.match(err.message, new RegExp(`pid ${server.pid}`));
      return true;
    });
  } finally {
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
  }
  assert.equal(await versionOf(db), v1);
  assert.ok(existsSync(join(out, 'indikatorer.csv')));
  rmSync(dir, { recursive: true, force: true });
});
