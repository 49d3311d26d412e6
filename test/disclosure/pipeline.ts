/**
 * The real pipeline, by interface only: synth `generate` → `ingest` → the publication pipeline
 * (`runPublication`: engine → disclosure → save → files, exactly what `compute` runs), then the
 * attacker on every indicator: the engine's rows (captured on the way) against the published rows
 * read back from the store. Shared by the pipeline test (small scale) and the bench (medium).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorMeta } from '../../src/catalogue/types.ts';
import { periodeKey, type ResultRow } from '../../src/contract/results.ts';
import type { DisclosureSummary } from '../../src/disclosure/index.ts';
import { attack, type AttackReport } from './attacker.ts';

export interface PipelineRun {
  readonly rows: ResultRow[];
  readonly safe: ResultRow[];
  readonly summary: DisclosureSummary;
  readonly catalogue: readonly IndicatorMeta[];
  readonly computeSeconds: number;
}

/** A row's cell key (everything but the values), pools apart from single years. */
function cellKey(r: ResultRow): string {
  return [r.indikator, r.maal, r.ledd, r.kohort, periodeKey(r), r.botid, r.lovregime, r.regionniva, r.region, r.gruppe, r.kjonn].join('|');
}

export async function runPipeline(scale: 'small' | 'medium' | 'national', seed: number, persons?: number): Promise<PipelineRun> {
  const dir = mkdtempSync(join(tmpdir(), 'disclosure-pipeline-'));
  try {
    const { generate } = await import('../../src/synth/index.ts');
    const { ingest } = await import('../../src/ingest/index.ts');
    const { openStore } = await import('../../src/store/index.ts');
    const { computeAll } = await import('../../src/engine/index.ts');
    const { CATALOGUE } = await import('../../src/catalogue/index.ts');
    const { runPublication } = await import('../../src/pipeline/index.ts');
    const { PUB_RESULTS, resultSource } = await import('../../src/publish/index.ts');
    await generate({ scale, seed, outDir: join(dir, 'in'), ...(persons ? { persons } : {}) });
    const db = join(dir, 'db.duckdb');
    await ingest({ inputDir: join(dir, 'in'), dbPath: db, threads: 1 });
    const store = await openStore(db);
    let rows: ResultRow[] = [];
    const safe: ResultRow[] = [];
    let computeSeconds = 0;
    let summary: DisclosureSummary;
    try {
      const result = await runPublication(store, {
        out: join(dir, 'resultater'),
        disclosure: 'on',
        background: 'skip',
        engine: async (s, o) => {
          const t0 = performance.now();
          const r = await computeAll(s, o);
          computeSeconds = (performance.now() - t0) / 1000;
          rows = r.rows;
          return r;
        },
      });
      summary = result.meta.summary as DisclosureSummary;
      const published = new Map<string, ResultRow>();
      for await (const chunk of resultSource(store, PUB_RESULTS, null, null, {}).rows()) for (const r of chunk) published.set(cellKey(r), r);
      for (const r of rows) {
        const p = published.get(cellKey(r));
        if (!p) throw new Error(`published results lack the cell ${cellKey(r)}`);
        safe.push(p);
      }
    } finally {
      await store.close();
    }
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
export function attackByIndicator(
  run: PipelineRun, width: number, extra: { lp?: boolean } = {},
): { total: AttackReport; perIndicator: Map<string, AttackReport> } {
  const ids = [...new Set(run.rows.map((r) => r.indikator))];
  const perIndicator = new Map<string, AttackReport>();
  const total = { cellsAttacked: 0, unknowns: 0, relations: 0, recovered: [] as string[], narrowed: 0, inconsistent: [] as string[], zeros: 0 };
  for (const id of ids) {
    const idx = run.rows.flatMap((r, i) => (r.indikator === id ? [i] : []));
    const rep = attack(idx.map((i) => run.rows[i]!), idx.map((i) => run.safe[i]!), { additiveGroup: additiveGroupOf(run.catalogue), width, ...extra });
    perIndicator.set(id, rep);
    total.cellsAttacked += rep.cellsAttacked;
    total.unknowns += rep.unknowns;
    total.relations += rep.relations;
    total.zeros += rep.zeros;
    total.narrowed += rep.narrowed;
    total.recovered.push(...rep.recovered.map((x) => `${id} ${x}`));
    total.inconsistent.push(...rep.inconsistent.map((x) => `${id} ${x}`));
  }
  return { total, perIndicator };
}
