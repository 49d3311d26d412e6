/**
 * What one cold page (or API request) does: opens the store as `serve` does, wraps it so every
 * statement is timed, makes the first request and prints the statements by time, the wall time,
 * and the process CPU time (user + system, which is what the machine's load does not inflate as
 * much as wall time). Run under `node --cpu-prof` for a CPU profile of the same request.
 *
 *   node --import tsx [--cpu-prof --cpu-prof-dir DIR] bench/page-profile.ts STORE PATH [PATH …]
 *
 * With PAGE_PROFILE_DIR=DIR each request gets its own CPU profile (DIR/<n>.cpuprofile, the
 * JavaScript thread only; DuckDB's threads show as idle time while a statement runs).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/index.ts';
import { createApp } from '../src/server/app.ts';

interface Timed {
  sql: string;
  ms: number;
  rows: number;
}

/**
 * The store with every statement timed. Statements are queued one at a time here (the store's one
 * connection runs them one at a time anyway), so each time is the statement's own, not its wait.
 */
function timedStore(store: Store, log: Timed[]): Store {
  const short = (s: string) => s.replace(/\s+/g, ' ').slice(0, 160);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = queue.then(fn, fn);
    queue = p.catch(() => undefined);
    return p;
  };
  return {
    path: store.path,
    run: (sql, params) =>
      serial(async () => {
        const t0 = performance.now();
        await store.run(sql, params);
        log.push({ sql: short(sql), ms: performance.now() - t0, rows: 0 });
      }),
    all: (sql, params) =>
      serial(async () => {
        const t0 = performance.now();
        const rows = await store.all(sql, params);
        log.push({ sql: short(sql), ms: performance.now() - t0, rows: rows.length });
        return rows as never;
      }),
    append: (table, rows) => store.append(table, rows),
    async *stream(sql, params) {
      const t0 = performance.now();
      let rows = 0;
      for await (const chunk of store.stream(sql, params)) {
        rows += chunk.length;
        yield chunk;
      }
      log.push({ sql: `[stream] ${short(sql)}`, ms: performance.now() - t0, rows });
    },
    transaction: (fn) => store.transaction(fn),
    close: () => store.close(),
  };
}

const [file, ...paths] = process.argv.slice(2);
if (!file || !paths.length) throw new Error('usage: page-profile.ts STORE PATH [PATH …]');
const log: Timed[] = [];
const cpu0 = process.cpuUsage();
const store = timedStore(await openStore(file, { readOnly: true }), log);
const app = createApp({ store });
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
console.log(`# load average ${load()}`);
const profileDir = process.env['PAGE_PROFILE_DIR'];
const session = profileDir ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
}
try {
  for (const [n, path] of paths.entries()) {
    log.length = 0;
    if (session) await session.post('Profiler.start');
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await app.request(path);
    const body = await res.text();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(profileDir!, `${n}.cpuprofile`), JSON.stringify(profile));
    }
    console.log(`${path}: ${res.status}, ${body.length} chars, wall ${wall.toFixed(0)} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (all threads, incl. DuckDB)`);
    for (const q of [...log].sort((a, b) => b.ms - a.ms).slice(0, 15)) console.log(`  ${q.ms.toFixed(1).padStart(7)} ms ${String(q.rows).padStart(7)} rows  ${q.sql}`);
    console.log(`  ${log.length} statements, Σ ${log.reduce((a, q) => a + q.ms, 0).toFixed(0)} ms`);
  }
} finally {
  await app.close();
  await store.close();
}
const total = process.cpuUsage(cpu0);
console.log(`# process CPU since open ${((total.user + total.system) / 1000).toFixed(0)} ms; load average ${load()}`);
