/**
 * The one publication pipeline (used by `compute`, `start`, the tests and bench/):
 * compute → disclosure → save (staged) → files (staged folder) → switch, then background files.
 *
 * Atomicity: the rows are saved into a staged table and the files into a staged folder; only when
 * both are complete is the folder swapped in and, last, the store switched to the new version in
 * one transaction. A run that is killed or fails before that leaves the previous complete set in
 * both places. An output folder that cannot be written fails before anything is computed.
 */
import { CATALOGUE } from '../catalogue/index.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import { computeAll, saveAvailability, type ComputeOptions, type ComputeResult } from '../engine/index.ts';
import {
  PUB_RESULTS_STAGED,
  newDataVersion,
  publishStaged,
  stageResults,
  writePendingOutputs,
  writeOutputs,
  type PublicationMeta,
} from '../publish/index.ts';
import type { Store } from '../store/index.ts';
import { silentProgress, type Progress } from '../shared/progress.ts';
import { stageOutputFolder } from './output-folder.ts';
import { guardAnalysisCells, runAnalyses, saveAnalyses, writeAnalysisOutputs, type AnalysisResult } from '../analysis/index.ts';
import { informationLoss } from '../publish/information-loss.ts';
import { headlineCoverage } from './coverage.ts';
import type { ResultRow } from '../contract/results.ts';

export type Step = 'fakta' | 'indikatorer' | 'prikking' | 'analyser' | 'lagring' | 'filer' | 'bytte' | 'bakgrunn';

export interface PublicationOptions {
  /** The output folder (replaced as a whole). */
  readonly out: string;
  readonly disclosure: 'on' | 'off';
  /** Threads for disclosure control. */
  readonly workers?: number;
  readonly progress?: Progress;
  readonly catalogue?: readonly IndicatorMeta[];
  /** Passed to the engine (e.g. a cohort per indicator, `poolYears` for pooled municipal windows). */
  readonly compute?: Omit<ComputeOptions, 'progress'>;
  /**
   * The background formats (XLSX): 'wait' writes them before returning (compute), 'detach' returns
   * at once with `background` still running (start: serve meanwhile), 'skip' leaves them out.
   */
  readonly background?: 'wait' | 'detach' | 'skip';
  /** The engine (default computeAll); tests give a stand-in that returns fixed rows. */
  readonly engine?: (store: Store, opts: ComputeOptions) => Promise<ComputeResult>;
  /**
   * Also run the adjusted comparisons (A1–A4, src/analysis) and publish them with the results:
   * `analyser.csv` + JSON-stat in the same staged folder, tables `pub_analyser*` in the store.
   */
  readonly analyses?: boolean;
  /** Called when a step starts (bench: time and peak memory per step). */
  readonly onStep?: (step: Step) => void;
  /** Test hook: called after each published file is written in the staged folder. */
  readonly onFile?: (name: string) => void | Promise<void>;
}

export interface PublicationResult {
  readonly cells: number;
  readonly persons: number;
  readonly out: string;
  readonly files: string[];
  readonly version: string;
  readonly meta: PublicationMeta;
  /** Seconds per step (fakta = person facts, indikatorer = the rest of the engine). */
  readonly seconds: Partial<Record<Step, number>>;
  /** The background files (resolved at once unless background is 'detach'). */
  readonly background: Promise<string[]>;
}

const since = (t: number) => (performance.now() - t) / 1000;
const pct = (x: number) => (100 * x).toFixed(1);

async function protectRows(
  rows: readonly ResultRow[],
  catalogue: readonly IndicatorMeta[],
  opts: PublicationOptions,
  meta: PublicationMeta,
  progress: Progress,
) {
  // Loaded only when used, so `--disclosure off` runs without the disclosure stage.
  const { protectParallel } = await import('../disclosure/index.ts');
  progress.step(
    `Prikker små tall (primær- og sekundærprikking) i ${rows.length} celler …`,
    `Suppressing small cells (primary and secondary) in ${rows.length} cells …`,
  );
  let lastDecile = 0;
  const result = await protectParallel(rows, catalogue, undefined, {
    ...(opts.workers ? { workers: opts.workers } : {}),
    onProgress: (done, total) => {
      const decile = Math.floor((10 * done) / Math.max(1, total));
      if (decile > lastDecile) {
        lastDecile = decile;
        progress.step(`  prikking ${decile * 10} % (${done} av ${total} deltabeller)`, `  suppression ${decile * 10} % (${done} of ${total} sub-tables)`);
      }
    },
  });
  const s = result.summary;
  progress.step(
    `Prikking: ${s.primary} primært og ${s.secondary} sekundært prikket (${pct(s.cellsSuppressedShare)} % av cellene, ` +
      `${pct(s.personsSuppressedShare)} % av personene) på ${s.seconds.toFixed(1)} s`,
    `Suppression: ${s.primary} primary and ${s.secondary} secondary (${pct(s.cellsSuppressedShare)} % of cells, ` +
      `${pct(s.personsSuppressedShare)} % of persons) in ${s.seconds.toFixed(1)} s`,
  );
  if (s.splitWithheld > 0) {
    progress.step(
      `  grovere tabell i stedet for å prikke store celler: ${s.withheldSplits.length} oppdelinger holdt tilbake (${s.splitWithheld} celler med «.»)`,
      `  coarser table instead of suppressing large cells: ${s.withheldSplits.length} splits withheld (${s.splitWithheld} cells marked '.')`,
    );
  }
  meta.protectedBy = s.method;
  meta.summary = s;
  meta.fallbacks = s.fallbacks;
  meta.thresholds = { ...s.config };
  return result.rows;
}

/**
 * Information loss in the terms that matter (issue 11 item 6): suppressed cells and persons per
 * level, and per indicator the share of its latest complete cohort's persons who live in a
 * municipality with a published yearly or pooled figure (the headline cell: coverage.ts). Printed and stored.
 */
function reportInformationLoss(
  protectedRows: readonly ResultRow[],
  original: readonly ResultRow[],
  catalogue: readonly IndicatorMeta[],
  progress: Progress,
) {
  const levels = informationLoss(protectedRows, original);
  for (const [level, l] of Object.entries(levels)) {
    progress.step(
      `  informasjonstap ${level}: ${pct(l.cellShare)} % av cellene, ${pct(l.personShare)} % av personene prikket` +
        (l.withheldCells > 0 ? `; ${l.withheldCells} celler i tilbakeholdte oppdelinger` : ''),
      `  information loss ${level}: ${pct(l.cellShare)} % of cells, ${pct(l.personShare)} % of persons suppressed` +
        (l.withheldCells > 0 ? `; ${l.withheldCells} cells in withheld splits` : ''),
    );
  }
  // Each indicator's headline cell (the front page's measure, group and botid), latest complete cohort.
  const byIndicator: Record<string, { maal: string; gruppe: string; periode: number; botid: number | null; andel: number; andelAarlig: number }> = {};
  for (const c of headlineCoverage(protectedRows, original, catalogue, false)) {
    byIndicator[c.indikator] = { maal: c.maal, gruppe: c.gruppe, periode: c.periode, botid: c.botid, andel: c.share, andelAarlig: c.yearlyShare };
  }
  const core = new Set(catalogue.filter((m) => m.kjerne).map((m) => m.id));
  for (const [label, ids] of [['kjerneindikatorer', [...core]], ['alle indikatorer', Object.keys(byIndicator)]] as const) {
    const shares = ids.flatMap((id) => (byIndicator[id] ? [byIndicator[id].andel] : []));
    if (!shares.length) continue;
    const en = label === 'kjerneindikatorer' ? 'core indicators' : 'all indicators';
    progress.step(
      `  personer i en kommune med publisert års- eller samlet tall (siste hele kull, ${label}): ${pct(Math.min(...shares))}–${pct(Math.max(...shares))} %`,
      `  persons in a municipality with a published yearly or pooled figure (latest complete cohort, ${en}): ${pct(Math.min(...shares))}–${pct(Math.max(...shares))} %`,
    );
  }
  return { nivaa: levels, kommunedekning: byIndicator };
}

/** Runs the whole publication on an open (writable) store. */
export async function runPublication(store: Store, opts: PublicationOptions): Promise<PublicationResult> {
  const progress = opts.progress ?? silentProgress;
  const catalogue = opts.catalogue ?? CATALOGUE;
  const seconds: Partial<Record<Step, number>> = {};
  // Fails fast on a folder that cannot be written, before any work.
  const folder = await stageOutputFolder(opts.out);
  try {
    const mark = (step: Step) => {
      opts.onStep?.(step);
      return performance.now();
    };
    let t = mark('fakta');
    const result = await (opts.engine ?? computeAll)(store, { ...opts.compute, progress });
    const engineSeconds = since(t);
    seconds.fakta = result.secondsByLink.forberedelse;
    seconds.indikatorer = engineSeconds - seconds.fakta;
    const meta: PublicationMeta = { disclosure: opts.disclosure, generatedAt: new Date().toISOString(), dataLastDate: result.dataLastDate };
    let rows = result.rows;
    if (opts.disclosure === 'on') {
      t = mark('prikking');
      rows = await protectRows(rows, catalogue, opts, meta, progress);
      seconds.prikking = since(t);
      meta.informationLoss = reportInformationLoss(rows, result.rows, catalogue, progress);
    }
    const cells = rows.length;

    let analyses: AnalysisResult | undefined;
    if (opts.analyses) {
      t = mark('analyser');
      progress.step('Justerte sammenligninger (A1–A4): bygger rammer og tilpasser modeller …', 'Adjusted comparisons (A1–A4): building frames and fitting models …');
      analyses = await runAnalyses(store, { progress });
      if (opts.disclosure === 'on') {
        // A pool's n and observed share are the pooled indicator cell: publish only what the protected tables show.
        const guarded = guardAnalysisCells(analyses.rows, rows);
        analyses = { ...analyses, rows: guarded.rows };
        progress.step(
          `  ${guarded.withheld} analyseceller holdt tilbake fordi indikatortabellene ikke viser samme pulje`,
          `  ${guarded.withheld} analysis cells withheld because the indicator tables do not show the same pool`,
        );
      }
      seconds.analyser = since(t);
    }

    t = mark('lagring');
    progress.step('Lagrer resultatene i lageret …', 'Saving the results in the store …');
    await stageResults(store, rows);
    rows = [];
    seconds.lagring = since(t);

    t = mark('filer');
    progress.step(`Skriver filene (${folder.out}) …`, `Writing the files (${folder.out}) …`);
    const version = newDataVersion(meta);
    const input = { store, catalogue, availability: result.availability, meta, version };
    const { files } = await writeOutputs(folder.dir, {
      ...input,
      table: PUB_RESULTS_STAGED,
      onFile: async (name, done, total) => {
        if (done % 10 === 0 || done === total) progress.step(`  filer: ${done} av ${total}`, `  files: ${done} of ${total}`);
        await opts.onFile?.(name);
      },
    });
    if (analyses) files.push(...writeAnalysisOutputs(folder.dir, analyses));
    seconds.filer = since(t);

    t = mark('bytte');
    await folder.commit();
    // The store switches last: until this commits, readers see the previous version.
    await store.transaction(async () => {
      await saveAvailability(store, result.availability);
      await publishStaged(store, meta, { availability: result.availability, catalogue, outputDir: folder.out }, version);
    });
    // The analyses' own transaction follows the results' switch (a DuckDB transaction cannot nest).
    if (analyses) await saveAnalyses(store, analyses);
    seconds.bytte = since(t);
    progress.step('Resultatene er publisert.', 'The results are published.');

    const background = opts.background === 'skip'
      ? Promise.resolve([])
      : (async () => {
          const tb = mark('bakgrunn');
          progress.step('Lager XLSX-filene …', 'Writing the XLSX files …');
          const { files: extra } = await writePendingOutputs(store, (name, done, total) =>
            progress.step(`  XLSX: ${done} av ${total} (${name})`, `  XLSX: ${done} of ${total} (${name})`),
          );
          seconds.bakgrunn = since(tb);
          return extra;
        })();
    if (opts.background !== 'detach') await background;
    return { cells, persons: result.persons, out: folder.out, files, version, meta, seconds, background };
  } catch (err) {
    await folder.abort();
    await store.run(`DROP TABLE IF EXISTS ${PUB_RESULTS_STAGED}`).catch(() => undefined);
    throw err;
  }
}
