/**
 * Attacks real engine output: reads an unprotected indikatorer.csv (from `compute --disclosure off`),
 * runs `protect` per indicator, then the independent attacker of test/disclosure/attacker.ts, and
 * prints cells attacked and recovered per indicator.
 * Run: node --import tsx bench/attack-output.bench.ts FILE.csv P5 I6 R1 P4
 */
import { readFileSync } from 'node:fs';
import { protect } from '../src/disclosure/index.ts';
import { CATALOGUE } from '../src/catalogue/index.ts';
import type { ResultRow } from '../src/contract/results.ts';
import { attackByIndicator } from '../test/disclosure/pipeline.ts';

const [file, ...ids] = process.argv.slice(2);
if (!file || ids.length === 0) {
  console.error('usage: attack-output.bench.ts indikatorer.csv ID [ID …]');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n');
const header = lines[0]!.split(',');
const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));
// The results CSV has no quoted fields (codes and numbers only), so a plain split is exact here.
function toRow(line: string): ResultRow {
  const f = line.split(',');
  const o: Record<string, string> = {};
  header.forEach((h, i) => (o[h] = f[i] ?? ''));
  return {
    indikator: o['indikator']!, maal: o['maal']!, ledd: o['ledd'] as ResultRow['ledd'], kohort: o['kohort'] as ResultRow['kohort'],
    periode: Number(o['periode']), botid: num(o['botid']), lovregime: o['lovregime'] as ResultRow['lovregime'],
    regionniva: o['regionniva'] as ResultRow['regionniva'], region: o['region']!, gruppe: o['gruppe'] as ResultRow['gruppe'],
    kjonn: o['kjonn'] as ResultRow['kjonn'], teller: num(o['teller']), nevner: num(o['nevner']), verdi: num(o['verdi']),
    ki_nedre: num(o['ki_nedre']), ki_ovre: num(o['ki_ovre']), mangler: num(o['mangler']), status: (o['status'] ?? '') as ResultRow['status'],
  };
}
for (const id of ids) {
  const rows = lines.slice(1).filter((l) => l.startsWith(`${id},`)).map(toRow);
  const { rows: safe, summary } = protect(rows, CATALOGUE);
  const t = performance.now();
  const { total } = attackByIndicator({ rows, safe, summary, catalogue: CATALOGUE, computeSeconds: 0 }, 3);
  console.log(
    `${id}: ${rows.length} cells, suppressed ${summary.primary} primary + ${summary.secondary} secondary in ${summary.seconds.toFixed(1)} s; ` +
      `attacked ${total.cellsAttacked}, recovered ${total.recovered.length}, zeros ${total.zeros}, relations not holding ${total.inconsistent.length} ` +
      `(attack ${((performance.now() - t) / 1000).toFixed(1)} s)${/WARNING[^;]*/.exec(summary.method)?.[0] ? `; protect: ${/WARNING[^;]*/.exec(summary.method)?.[0]}` : ''}`,
  );
  for (const r of total.recovered.slice(0, 5)) console.log(`  ${r}`);
}
