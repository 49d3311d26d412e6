/**
 * Cold first render of every dashboard page type over a real store (default: out/national.duckdb,
 * or the path given as the first argument): a fresh app per page type, so nothing is cached, then
 * one repeat. Prints milliseconds per page type and the page size. Target: ≤ 500 ms on national.
 *
 *   node --import tsx bench/pages.bench.ts [STORE]
 */
import { gzipSync } from 'node:zlib';
import { openStore } from '../src/store/index.ts';
import { createApp } from '../src/server/app.ts';

const file = process.argv[2] ?? 'out/national.duckdb';
const store = await openStore(file, { readOnly: true });
const PAGES = ['/', '/indikator/R1', '/indikator/R1?region=4601', '/indikator/P1?niva=fylke', '/kommune', '/kommune/4601', '/kommune/1820', '/lov', '/data', '/?lang=en'];
console.log(`# store: ${file}`);
console.log('page\tcold ms\trepeat ms\tbytes\tgzip bytes');
for (const path of PAGES) {
  const app = createApp({ store }); // fresh page cache and start-up reads
  const t0 = performance.now();
  const res = await app.request(path);
  const body = await res.text();
  const cold = performance.now() - t0;
  const t1 = performance.now();
  await (await app.request(path)).text();
  const warm = performance.now() - t1;
  if (res.status !== 200) console.log(`# ${path}: status ${res.status}`);
  console.log(`${path}\t${cold.toFixed(0)}\t${warm.toFixed(1)}\t${body.length}\t${gzipSync(body).length}`);
}
await store.close();
