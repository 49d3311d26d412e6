/**
 * The real pipeline, by interface only: synth `generate` → `ingest` → engine `computeAll` →
 * `protect`, then the attacker on every indicator. Shared by the pipeline test (small scale) and
 * the bench (medium). Imports are dynamic so this file does not break while a stage is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorMeta } from '../../src/catalogue/types.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { protect, type DisclosureSummary } from '../../src/disclosure/index.ts';
import { attack, type AttackReport } from './attacker.ts';

export interface PipelineRun {
  readonly rows: ResultRow[];
  readonly safe: ResultRow[];
  readonly summary: DisclosureSummary;
  readonly catalogue: readonly IndicatorMeta[];
  readonly computeSeconds: number;
}

export async function runPipeline(scale: 'small' | 'medium' | 'national', seed: number, persons?: number): Promise<PipelineRun> {
  const dir = mkdtempSync(join(tmpdir(), 'disclosure-pipeline-'));
  try {
    const { generate } = await import('../../src/synth/index.ts');
    const { ingest } = await import('../../src/ingest/index.ts');
    const { openStore } = await import('../../src/store/index.ts');
    const { computeAll } = await import('../../src/engine/index.ts');
    const { CATALOGUE } = await import('../../src/catalogue/index.ts');
    await generate({ scale, seed, outDir: join(dir, 'in'), ...(persons ? { persons } : {}) });
    const db = join(dir, 'db.duckdb');
    await ingest({ inputDir: join(dir, 'in'), dbPath: db, threads: 1 });
    const store = await openStore(db);
    const t0 = performance.now();
    let rows: ResultRow[];
    try {
      rows = (await computeAll(store)).rows;
    } finally {
      await store.close();
    }
    const computeSeconds = (performance.now() - t0) / 1000;
    const { rows: safe, summary } = protect(rows, CATALOGUE);
    return { rows, safe, summary, catalogue: CATALOGUE, computeSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Additive group of a measure as the catalogue declares it (P1 `hoved:*` is a distribution). */
export function additiveGroupOf(catalogue: readonly IndicatorMeta[]) {
  return (indikator: string, maal: string): string | null => {
    const ind = catalogue.find((c) => c.id === indikator);
    const m = ind?.maal.find((x) => x.kode === maal) ?? ind?.maal.find((x) => x.kode.endsWith('*') && maal.startsWith(x.kode.slice(0, -1)));
    if (!m) return null;
    return m.additiveGroup ?? (m.kode === 'hoved:*' ? 'hoved' : null);
  };
}

/** Attack each indicator separately (no relation crosses indicators). */
export function attackByIndicator(run: PipelineRun, width: number): { total: AttackReport; perIndicator: Map<string, AttackReport> } {
  const ids = [...new Set(run.rows.map((r) => r.indikator))];
  const perIndicator = new Map<string, AttackReport>();
  const total = { cellsAttacked: 0, unknowns: 0, relations: 0, recovered: [] as string[], inconsistent: [] as string[], zeros: 0 };
  for (const id of ids) {
    const idx = run.rows.flatMap((r, i) => (r.indikator === id ? [i] : []));
    const rep = attack(idx.map((i) => run.rows[i]!), idx.map((i) => run.safe[i]!), { additiveGroup: additiveGroupOf(run.catalogue), width });
    perIndicator.set(id, rep);
    total.cellsAttacked += rep.cellsAttacked;
    total.unknowns += rep.unknowns;
    total.relations += rep.relations;
    total.zeros += rep.zeros;
    total.recovered.push(...rep.recovered.map((x) => `${id} ${x}`));
    total.inconsistent.push(...rep.inconsistent.map((x) => `${id} ${x}`));
  }
  return { total, perIndicator };
}
