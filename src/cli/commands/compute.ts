import type { Command } from 'commander';
import { resolve } from 'node:path';
import { CATALOGUE } from '../../catalogue/index.ts';
import { computeAll, saveAvailability } from '../../engine/index.ts';
import { saveResults, writeOutputs, type PublicationMeta } from '../../publish/index.ts';
import { openStore } from '../../store/index.ts';
import { UserError } from '../../shared/errors.ts';
import { tr } from '../../shared/lang.ts';
import { consoleProgress } from '../../shared/progress.ts';
import { existsSync } from 'node:fs';

interface ComputeArgs {
  db: string;
  out: string;
  disclosure: string;
  memoryLimit?: string;
  workers?: string;
  quiet?: boolean;
}

/** `integreringsmonitor compute --db FILE --out DIR [--disclosure on|off]` */
export function registerCompute(program: Command): void {
  program
    .command('compute')
    .description(tr('beregn alle indikatorer og skriv resultatfilene', 'compute every indicator and write the result files'))
    .requiredOption('--db <file>', tr('DuckDB-lageret fra ingest', 'the DuckDB store from ingest'))
    .requiredOption('--out <dir>', tr('mappe for resultatfilene', 'folder for the result files'))
    .option('--disclosure <on|off>', tr('personvern (off kun for analytikere med tilgang til mikrodata)', 'disclosure control (off only for analysts with microdata access)'), 'on')
    .option('--memory-limit <size>', tr('minnegrense for DuckDB, f.eks. 4GB', 'DuckDB memory limit, e.g. 4GB'))
    .option('--workers <n>', tr('tråder for prikkingen (standard: antall kjerner)', 'threads for disclosure control (default: the number of cores)'))
    .option('--quiet', tr('ingen fremdriftsutskrift', 'no progress output'))
    .action(async (args: ComputeArgs) => runCompute(args));
}

export async function runCompute(args: ComputeArgs): Promise<void> {
  if (args.disclosure !== 'on' && args.disclosure !== 'off') {
    throw new UserError(tr(`--disclosure må være on eller off, ikke "${args.disclosure}"`, `--disclosure must be on or off, not "${args.disclosure}"`));
  }
  const workers = args.workers === undefined ? undefined : Number(args.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 8)) {
    throw new UserError(tr(`--workers må være et heltall fra 1 til 8, ikke "${args.workers}"`, `--workers must be an integer from 1 to 8, not "${args.workers}"`));
  }
  if (!existsSync(args.db)) throw new UserError(tr(`finner ikke lageret ${args.db}`, `store not found: ${args.db}`));
  const progress = consoleProgress(args.quiet ?? false);
  const t0 = performance.now();
  const store = await openStore(args.db, args.memoryLimit ? { memoryLimit: args.memoryLimit } : {});
  try {
    const result = await computeAll(store, { progress });
    let rows = result.rows;
    const meta: PublicationMeta = { disclosure: args.disclosure, generatedAt: new Date().toISOString(), dataLastDate: result.dataLastDate };
    if (args.disclosure === 'on') {
      // Loaded only when used, so `--disclosure off` runs without the disclosure stage.
      const { protectParallel } = await import('../../disclosure/index.ts');
      progress.step(
        `Prikker små tall (primær- og sekundærprikking) i ${rows.length} celler …`,
        `Suppressing small cells (primary and secondary) in ${rows.length} cells …`,
      );
      let lastDecile = 0;
      const protectedRows = await protectParallel(rows, CATALOGUE, undefined, {
        ...(workers ? { workers } : {}),
        onProgress: (done, total) => {
          const decile = Math.floor((10 * done) / Math.max(1, total));
          if (decile > lastDecile) {
            lastDecile = decile;
            progress.step(`  prikking ${decile * 10} % (${done} av ${total} deltabeller)`, `  suppression ${decile * 10} % (${done} of ${total} sub-tables)`);
          }
        },
      });
      rows = protectedRows.rows;
      const s = protectedRows.summary;
      const pct = (x: number) => (100 * x).toFixed(1);
      progress.step(
        `Prikking: ${s.primary} primært og ${s.secondary} sekundært prikket (${pct(s.cellsSuppressedShare)} % av cellene, ` +
          `${pct(s.personsSuppressedShare)} % av personene) på ${s.seconds.toFixed(1)} s`,
        `Suppression: ${s.primary} primary and ${s.secondary} secondary (${pct(s.cellsSuppressedShare)} % of cells, ` +
          `${pct(s.personsSuppressedShare)} % of persons) in ${s.seconds.toFixed(1)} s`,
      );
      meta.protectedBy = protectedRows.summary.method;
      meta.summary = protectedRows.summary;
      meta.fallbacks = protectedRows.summary.fallbacks;
      meta.thresholds = { ...protectedRows.summary.config };
    } else {
      process.stderr.write(
        tr(
          'ADVARSEL: personvern er slått av (--disclosure off). Resultatene er ubeskyttet og kun for analytikere med tilgang til mikrodata.\n',
          'WARNING: disclosure control is off (--disclosure off). The results are unprotected and only for analysts with microdata access.\n',
        ),
      );
    }
    progress.step('Lagrer resultatene i lageret …', 'Saving the results in the store …');
    await saveAvailability(store, result.availability);
    await saveResults(store, rows, meta, { availability: result.availability, catalogue: CATALOGUE });
    const out = resolve(args.out);
    progress.step(`Skriver filene i ${out} …`, `Writing the files in ${out} …`);
    const { files } = await writeOutputs(out, { rows, catalogue: CATALOGUE, availability: result.availability, meta });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      tr(
        `Ferdig: ${rows.length} celler for ${result.persons} personer på ${secs} s. ${files.length} filer i ${out}.\n`,
        `Done: ${rows.length} cells for ${result.persons} persons in ${secs} s. ${files.length} files in ${out}.\n`,
      ),
    );
  } finally {
    await store.close();
  }
}
