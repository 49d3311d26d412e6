/**
 * Disclosure bench (heavy; not part of `npm test`):
 *   node --import tsx bench/disclosure.bench.ts [--blocks N] [--attack-fylker N] [--pipeline small|medium|national]
 * 1. Speed and information loss of `protect` on national-shaped synthetic tables (11 counties ×
 *    32 municipalities × 7 groups × 3 sexes × 3 regimes × 5 measures ≈ 90 000 cells per block;
 *    blocks are indicator × period sub-tables).
 * 2. The attacker on a synthetic table and (with --pipeline) on the real pipeline's output:
 *    cells attacked, cells recovered (must be 0), suppression seconds, share of cells and persons
 *    suppressed.
 */
import { DEFAULT_DISCLOSURE, assertNoUnsafeCells, protect } from '../src/disclosure/index.ts';
import type { ResultRow } from '../src/contract/results.ts';
import { attack } from '../test/disclosure/attacker.ts';
import { syntheticCatalogue, syntheticRows } from '../test/disclosure/synthetic.ts';
import { attackByIndicator, runPipeline } from '../test/disclosure/pipeline.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
let failed = false;

// 1. Speed on national-shaped blocks.
const blocks = Number(arg('blocks', '2'));
const rows: ResultRow[] = [];
for (let b = 0; b < blocks; b++) {
  for (const r of syntheticRows({ seed: 100 + b, fylker: 11, kommunerPerFylke: 32, perioder: 1, scale: 60 })) {
    rows.push({ ...r, periode: 2000 + b });
  }
}
const big = protect(rows, syntheticCatalogue());
assertNoUnsafeCells(big.rows);
console.log(
  `protect: ${rows.length} cells in ${blocks} sub-tables: ${big.summary.seconds.toFixed(1)} s ` +
    `(${((big.summary.seconds / rows.length) * 3e6).toFixed(0)} s per 3 M cells at this rate); ` +
    `primary ${big.summary.primary}, secondary ${big.summary.secondary}; suppressed ${pct(big.summary.cellsSuppressedShare)} of cells, ` +
    `${pct(big.summary.personsSuppressedShare)} of persons; ${big.summary.fallbacks.length} municipality fallbacks`,
);
if (/WARNING/.test(big.summary.method)) failed = true;

// 2a. Attacker on a synthetic table small enough for the exact BigInt attacker.
const fylker = Number(arg('attack-fylker', '5'));
const small = syntheticRows({ seed: 5, fylker, kommunerPerFylke: 8, perioder: 1, scale: 60 });
const prot = protect(small, syntheticCatalogue());
const t0 = performance.now();
const rep = attack(small, prot.rows, { additiveGroup: (_, m) => (m.startsWith('hoved:') ? 'hoved' : null), width: DEFAULT_DISCLOSURE.minCount });
console.log(
  `attack synthetic: ${small.length} cells, attacked ${rep.cellsAttacked} suppressed cells (${rep.unknowns} unknowns, ` +
    `${rep.relations} relations) in ${((performance.now() - t0) / 1000).toFixed(1)} s; recovered ${rep.recovered.length}; ` +
    `suppression ${prot.summary.seconds.toFixed(2)} s, ${pct(prot.summary.cellsSuppressedShare)} of cells, ${pct(prot.summary.personsSuppressedShare)} of persons`,
);
if (rep.recovered.length > 0 || rep.inconsistent.length > 0) {
  failed = true;
  console.log(rep.recovered.slice(0, 10), rep.inconsistent.slice(0, 10));
}

// 2b. Attacker on the real pipeline's output.
const scale = arg('pipeline', '');
if (scale === 'small' || scale === 'medium' || scale === 'national') {
  const run = await runPipeline(scale, 42);
  assertNoUnsafeCells(run.safe);
  const t1 = performance.now();
  const { total } = attackByIndicator(run, DEFAULT_DISCLOSURE.minCount);
  console.log(
    `attack pipeline ${scale}: ${run.rows.length} cells (compute ${run.computeSeconds.toFixed(1)} s, suppression ` +
      `${run.summary.seconds.toFixed(1)} s); attacked ${total.cellsAttacked} suppressed cells (${total.unknowns} unknowns) in ` +
      `${((performance.now() - t1) / 1000).toFixed(1)} s; recovered ${total.recovered.length}; ` +
      `suppressed ${pct(run.summary.cellsSuppressedShare)} of cells, ${pct(run.summary.personsSuppressedShare)} of persons`,
  );
  if (total.recovered.length > 0 || total.inconsistent.length > 0) {
    failed = true;
    console.log(total.recovered.slice(0, 10), total.inconsistent.slice(0, 10));
  }
}
process.exitCode = failed ? 1 : 0;
