/**
 * API load bench: starts `integreringsmonitor serve` on 127.0.0.1 (loopback only) and runs
 * autocannon for a bounded time (default 10 s, 50 connections) against JSON-stat indicator
 * queries, one municipality per request in rotation.
 * First every distinct query once, serially (cold path, nothing cached: p50/p99), then the load
 * run over the same queries (warm: the response cache answers). Prints req/s and p99; target p99 ≤ 20 ms
 * (issue 15). `--encoding br` (or gzip) sends Accept-Encoding as a browser does (compressed answers).
 *
 * Also prints the server's CPU time per request during the load run (from /proc; a shared machine
 * inflates latency far more than CPU time) and the load average. `--cpu-prof DIR` profiles the server.
 *
 *   node --import tsx bench/api-load.bench.ts [--db FILE] [--seconds 10] [--connections 50] [--encoding br|gzip] [--indicator I1] [--cpu-prof DIR]
 *
 * Without --db it uses the first of out/bench/{national,medium}.duckdb (made by bench/compute.bench.ts + compute) that has pub_resultater;
 * failing that it builds a medium-sized synthetic results store (results rows only) and says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/index.ts';
import { refdataKommuner, saveResults } from '../src/publish/index.ts';
import type { ResultRow } from '../src/contract/results.ts';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: args } = parseArgs({
  options: { db: { type: 'string' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, encoding: { type: 'string' }, indicator: { type: 'string' }, 'cpu-prof': { type: 'string' } },
});
const seconds = Math.min(60, Math.max(1, Number(args.seconds)));
const connections = Math.min(200, Math.max(1, Number(args.connections)));

async function hasResults(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  try {
    const store = await openStore(path, { readOnly: true });
    try {
      const rows = await store.all("SELECT 1 AS x FROM information_schema.tables WHERE table_name = 'pub_resultater'");
      return rows.length > 0;
    } finally {
      await store.close();
    }
  } catch {
    return false;
  }
}

/** ~0.7 M rows: the first indicator × 5 measures × 6 years × 3 regimes × 7 groups × 3 sexes × all regions. */
async function syntheticStore(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'im-api-bench-'));
  const path = join(dir, 'synthetic.duckdb');
  const kommuner = refdataKommuner().filter((k) => k.kode !== '9999');
  const regions = [{ region: '0', regionniva: 'land' as const }, ...[...new Set(kommuner.map((k) => k.fylke))].map((f) => ({ region: f, regionniva: 'fylke' as const })), ...kommuner.map((k) => ({ region: k.kode, regionniva: 'kommune' as const }))];
  const rows: ResultRow[] = [];
  for (const indikator of ['I1', 'I2', 'P2', 'R1']) {
    for (const maal of ['a', 'b', 'c', 'd', 'e']) {
      for (let periode = 2018; periode <= 2023; periode++) {
        for (const lovregime of ['introduksjonsloven', 'integreringsloven', 'alle'] as const) {
          for (const gruppe of ['under_25', 'har_vgo', 'ovrige', 'intro', 'norsk_rett_plikt', 'norsk_plikt', 'alle'] as const) {
            for (const kjonn of ['1', '2', 'alle'] as const) {
              for (const r of regions) {
                const small = r.regionniva === 'kommune' && gruppe !== 'alle';
                rows.push({
                  indikator, maal, ledd: 'innsats', kohort: 'startkohort', periode, botid: null, lovregime, regionniva: r.regionniva, region: r.region, gruppe, kjonn,
                  teller: small ? null : 12, nevner: small ? null : 40, verdi: small ? null : 30, ki_nedre: small ? null : 20, ki_ovre: small ? null : 40, mangler: small ? null : 0, status: small ? ':' : '',
                });
              }
            }
          }
        }
      }
    }
    if (rows.length > 600_000) break;
  }
  const store = await openStore(path);
  await saveResults(store, rows, { disclosure: 'on', generatedAt: new Date().toISOString() });
  await store.close();
  process.stderr.write(`built synthetic store with ${rows.length} result rows: ${path}\n`);
  return path;
}

async function pickDb(): Promise<{ path: string; kind: string }> {
  if (args.db) return { path: args.db, kind: `given (${args.db})` };
  for (const scale of ['national', 'medium']) {
    const p = join('out', 'bench', `${scale}.duckdb`);
    if (await hasResults(p)) return { path: p, kind: scale };
  }
  return { path: await syntheticStore(), kind: 'synthetic medium-sized results store (no national/medium db found)' };
}

/** The server process's CPU time so far (user + system, ms), from /proc (Linux); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
}

function startServe(db: string): Promise<{ child: ChildProcess; url: string }> {
  const prof = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', args['cpu-prof']] : [];
  const child = spawn(process.execPath, [...prof, 'bin/integreringsmonitor.js', 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start within 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const db = await pickDb();
  const { child, url } = await startServe(db.path);
  try {
    const katalog = (await (await fetch(`${url}/api/v1/katalog`)).json()) as { indikatorer: { id: string }[] };
    let id = '';
    let meta: { dimensjoner: Record<string, string[]> } | null = null;
    for (const ind of katalog.indikatorer.filter((k) => !args.indicator || k.id === args.indicator)) {
      // A cold indicator may overrun the time budget (503 + Retry-After) while its rows load: retry.
      let res = await fetch(`${url}/api/v1/indikatorer/${ind.id}/metadata`);
      for (let tries = 0; res.status === 503 && tries < 30; tries++) {
        await new Promise((r) => setTimeout(r, 2000));
        res = await fetch(`${url}/api/v1/indikatorer/${ind.id}/metadata`);
      }
      const m = (await res.json()) as { dimensjoner?: Record<string, string[]> };
      if (m.dimensjoner && (m.dimensjoner['region']?.length ?? 0) > 10) {
        id = ind.id;
        meta = { dimensjoner: m.dimensjoner };
        break;
      }
    }
    if (!meta) throw new Error('no indicator with regional data in this store');
    const periods = (meta.dimensjoner['periode'] ?? []).map(Number).sort((a, b) => a - b);
    const latest = periods.at(-1);
    const kommuner = (meta.dimensjoner['region'] ?? []).filter((r) => r.length === 4);
    const paths = kommuner.map((k) => `/api/v1/indikatorer/${id}?valueCodes[region]=0,${k.slice(0, 2)},${k}&valueCodes[periode]=${latest}`);
    const headers: Record<string, string> = args.encoding ? { 'accept-encoding': args.encoding } : {};
    // Cold path: each distinct query once, one at a time (nothing cached yet).
    const cold: number[] = [];
    for (const p of paths) {
      const t0 = performance.now();
      await (await fetch(url + p, { headers })).arrayBuffer();
      cold.push(performance.now() - t0);
    }
    cold.sort((a, b) => a - b);
    const q = (f: number) => cold[Math.min(cold.length - 1, Math.floor(f * cold.length))]!.toFixed(1);
    console.log(`cold (uncached, serial, ${cold.length} queries): p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`);
    let i = 0;
    process.stderr.write(`db: ${db.kind}; ${id}, ${paths.length} distinct queries, ${seconds} s, ${connections} connections\n`);
    const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
    const loadBefore = load();
    const cpu0 = cpuMs(child.pid);
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      headers,
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
    });
    console.log(`API load (${db.kind}${args.encoding ? `, Accept-Encoding ${args.encoding}` : ''}): ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${result.requests.total} requests, non-2xx ${result.non2xx}, errors ${result.errors}`);
    const cpu1 = cpuMs(child.pid);
    if (cpu0 !== null && cpu1 !== null) console.log(`server CPU during the run: ${(cpu1 - cpu0).toFixed(0)} ms, ${((1000 * (cpu1 - cpu0)) / Math.max(1, result.requests.total)).toFixed(0)} µs per request`);
    console.log(`load average before ${loadBefore}, after ${load()}`);
    console.log(result.latency.p99 <= 20 ? 'p99 ≤ 20 ms: OK' : 'p99 > 20 ms: over target');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

await main();
