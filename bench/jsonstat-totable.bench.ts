/**
 * Does each published JSON-stat file load in jsonstat-toolkit and turn into a table (`toTable`, as
 * pyjstat-style readers do: one row per cell) within a memory limit? Each file runs in its own
 * child process with the V8 heap capped (default 1024 MB, `--heap MB`); the child reads the file,
 * parses it, loads it in the toolkit, calls toTable (type `array`, with the status column) and
 * reports the cell count (`size` product), the rows it got, the nulls without a status, the time
 * and the peak resident set (max RSS, which includes the file text and the parsed document).
 * Issue 15: "loads in jsonstat-toolkit and pyjstat-style readers (toTable) within 1 GB".
 *
 *   node --import tsx bench/jsonstat-totable.bench.ts DIR_OR_FILE … [--heap 1024]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Outcome {
  file: string;
  bytes: number;
  cells: number;
  existing: number;
  rows: number;
  nullNoStatus: number;
  ms: number;
  maxRssMb: number;
}

type Toolkit = (doc: unknown) => {
  n: number;
  value: (number | null)[];
  status: (string | null)[] | string | null;
  toTable(opts: Record<string, unknown>): unknown[];
};

function child(file: string): Outcome {
  const t0 = performance.now();
  const text = readFileSync(file, 'utf8');
  const doc = JSON.parse(text) as { value: unknown; status?: unknown; size: number[] };
  const cells = doc.size.reduce((a, b) => a * b, 1);
  const existing = Array.isArray(doc.value) ? doc.value.length : Object.keys(doc.value as object).length;
  const JSONstat = createRequire(import.meta.url)('jsonstat-toolkit') as Toolkit;
  const ds = JSONstat(doc);
  // Nulls without a status, over the whole cube as the toolkit sees it (object forms are expanded).
  let nullNoStatus = 0;
  const st = ds.status;
  for (let i = 0; i < ds.n; i++) {
    const v = ds.value[i];
    if (v !== null && v !== undefined) continue;
    const s = typeof st === 'string' ? st : Array.isArray(st) ? st[i] : null;
    if (s === null || s === undefined) nullNoStatus++;
  }
  const table = ds.toTable({ type: 'array', status: true });
  const rows = table.length - 1;
  const ms = performance.now() - t0;
  return { file, bytes: statSync(file).size, cells, existing, rows, nullNoStatus, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

const argv = process.argv.slice(2);
if (process.env['TOTABLE_CHILD']) {
  process.stdout.write(`${JSON.stringify(child(argv[0]!))}\n`);
} else {
  const heapAt = argv.indexOf('--heap');
  const heap = heapAt >= 0 ? Number(argv.splice(heapAt, 2)[1]) : 1024;
  const files = argv.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.json')).sort().map((f) => join(p, f)) : [p]));
  const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
  console.log(`# heap cap ${heap} MB; load average ${load()}`);
  console.log('file\tMB\tcells (size)\texisting\ttoTable rows\tnull w/o status\tms\tmax RSS MB\tresult');
  for (const file of files) {
    const r = spawnSync(process.execPath, [`--max-old-space-size=${heap}`, '--import', 'tsx', fileURLToPath(import.meta.url), file], {
      env: { ...process.env, TOTABLE_CHILD: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      const why = /heap out of memory|Allocation failed/.test(r.stderr) ? 'out of memory' : r.stderr.trim().split('\n').slice(-2).join(' | ');
      console.log(`${file}\t${(statSync(file).size / 1e6).toFixed(1)}\t\t\t\t\t\t\tFAILED: ${why}`);
      continue;
    }
    const o = JSON.parse(line) as Outcome;
    console.log(`${o.file}\t${(o.bytes / 1e6).toFixed(1)}\t${o.cells}\t${o.existing}\t${o.rows}\t${o.nullNoStatus}\t${o.ms.toFixed(0)}\t${o.maxRssMb.toFixed(0)}\t${o.rows === o.cells && o.nullNoStatus === 0 && o.maxRssMb <= 1024 ? 'ok' : 'NOT OK'}`);
  }
  console.log(`# load average ${load()}`);
}
