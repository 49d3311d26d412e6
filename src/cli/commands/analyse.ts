import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { guardAnalysisCells, runAnalyses, saveAnalyses, writeAnalysisOutputs } from '../../analysis/index.ts';
import type { AnalysisRow } from '../../contract/analysis.ts';
import { loadResultsOf, readPublication } from '../../publish/index.ts';
import type { Store } from '../../store/index.ts';
import type { Progress } from '../../shared/progress.ts';
import { openStore } from '../../store/index.ts';
import { UserError } from '../../shared/errors.ts';
import { tr } from '../../shared/lang.ts';
import { consoleProgress } from '../../shared/progress.ts';
import { intOption } from '../options.ts';

interface AnalyseArgs {
  db: string;
  out: string;
  window: string;
  minN: string;
  quiet?: boolean;
}

/** `integreringsmonitor analyse --db FILE --out DIR [--window N] [--min-n N]` */
export function registerAnalyse(program: Command): void {
  program
    .command('analyse')
    .description(tr('justerte sammenligninger (A1–A4): kommune mot forventet, ny mot gammel lov, resultatkjeden', 'adjusted comparisons (A1–A4): municipality vs expected, new vs old act, the results chain'))
    .requiredOption('--db <file>', tr('DuckDB-lageret fra ingest', 'the DuckDB store from ingest'))
    .requiredOption('--out <dir>', tr('mappe for analyser.csv og JSON-stat', 'folder for analyser.csv and JSON-stat'))
    .option('--window <n>', tr('antall bosettingskull i hvert samlevindu', 'cohort years per pooled window'), '3')
    .option('--min-n <n>', tr('minste antall personer for å publisere en kommune', 'minimum persons to publish a municipality'), '20')
    .option('--quiet', tr('ingen fremdriftsutskrift', 'no progress output'))
    .action(async (args: AnalyseArgs) => {
      if (!existsSync(args.db)) throw new UserError(tr(`finner ikke lageret ${args.db}`, `store not found: ${args.db}`));
      const window = intOption('--window', args.window, 1, 10);
      const minN = intOption('--min-n', args.minN, 1, 100_000);
      const progress = consoleProgress(args.quiet ?? false);
      const t0 = performance.now();
      const store = await openStore(args.db);
      try {
        progress.step('Bygger analyserammer og tilpasser modeller …', 'Building analysis frames and fitting models …');
        const raw = await runAnalyses(store, { window, minN, progress });
        const result = { ...raw, rows: await guardedRows(store, raw.rows, progress) };
        await saveAnalyses(store, result);
        const files = writeAnalysisOutputs(resolve(args.out), result);
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        process.stdout.write(
          tr(
            `Ferdig: ${result.rows.length} analyserader og ${result.models.length} modeller på ${secs} s. ${files.length} filer i ${args.out}.\n`,
            `Done: ${result.rows.length} analysis rows and ${result.models.length} models in ${secs} s. ${files.length} files in ${args.out}.\n`,
          ),
        );
      } finally {
        await store.close();
      }
    });
}

/**
 * The analysis cells the store's protected publication allows (src/analysis/disclosure-guard.ts):
 * a municipal or county pool only where the published tables already show it. Without a protected
 * publication in the store (no `compute` yet, or `--disclosure off`), every sub-national cell with
 * counts is withheld.
 */
async function guardedRows(store: Store, rows: AnalysisRow[], progress: Progress): Promise<AnalysisRow[]> {
  const meta = await readPublication(store);
  const ids = [...new Set(rows.filter((r) => r.n !== null && r.regionniva !== 'land').map((r) => r.indikator))];
  const protectedPublication = meta !== null && meta.disclosure === 'on';
  const published = protectedPublication
    ? (await loadResultsOf(store, ids.map((indikator) => ({ indikator, regionniva: ['kommune', 'fylke'] })))).flat()
    : [];
  const guarded = guardAnalysisCells(rows, published, !protectedPublication);
  progress.step(
    protectedPublication
      ? `${guarded.withheld} kommune- og fylkesceller holdt tilbake fordi de prikkede tabellene ikke viser samme pulje`
      : `Ingen prikket publisering i lageret (kjør compute først): ${guarded.withheld} kommune- og fylkesceller holdt tilbake`,
    protectedPublication
      ? `${guarded.withheld} municipal and county cells withheld: the protected tables do not show the same pool`
      : `No protected publication in the store (run compute first): ${guarded.withheld} municipal and county cells withheld`,
  );
  return guarded.rows;
}
