import type { Command } from 'commander';
import { runPublication } from '../../pipeline/index.ts';
import { CATALOGUE, DEFINITIONS, parseCohortOption, withCohorts } from '../../catalogue/index.ts';
import { openStore } from '../../store/index.ts';
import { UserError } from '../../shared/errors.ts';
import { tr } from '../../shared/lang.ts';
import { DEFAULT_POOL_YEARS } from '../../contract/dimensions.ts';
import { consoleProgress } from '../../shared/progress.ts';
import { choiceOption, intOption } from '../options.ts';
import { existsSync } from 'node:fs';

interface ComputeArgs {
  db: string;
  out: string;
  disclosure: string;
  memoryLimit?: string;
  workers?: string;
  quiet?: boolean;
  xlsx?: string;
  kohort?: string;
  analyses: string;
  pool: string;
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
    .option('--xlsx <wait|skip>', tr('XLSX-filene: wait = skriv dem etter publiseringen (standard), skip = la dem være (API-et lager dem ved behov)', 'the XLSX files: wait = write them after publishing (default), skip = leave them out (the API builds them on request)'))
    .option('--analyses <on|off>', tr('justerte sammenligninger A1–A4 (analyser.csv) med resultatene', 'adjusted comparisons A1–A4 (analyser.csv) with the results'), 'on')
    .option('--pool <years>', tr(`kommunetall også for samlede vinduer på så mange år (${DEFAULT_POOL_YEARS} er det anbefalte), uten overlapp, det siste slutter med siste hele kull (0 = av, standard inntil videre: prikkingen tar om lag 2,5 ganger så lang tid)`, `municipal figures also for pooled windows of this many years (${DEFAULT_POOL_YEARS} is the recommended choice), not overlapping, the latest ending with the latest complete cohort (0 = off, the default for now: suppression takes about 2.5 times as long)`), '0')
    .option('--quiet', tr('ingen fremdriftsutskrift', 'no progress output'))
    .option('--kohort <ID=kohort,…>', tr('annen kohort enn standard per indikator, f.eks. I4=startkohort', 'another cohort than the default per indicator, e.g. I4=startkohort'))
    .action(async (args: ComputeArgs) => runCompute(args));
}

export async function runCompute(args: ComputeArgs): Promise<void> {
  const disclosure = choiceOption('--disclosure', args.disclosure, ['on', 'off']);
  const workers = args.workers === undefined ? undefined : intOption('--workers', args.workers, 1, 8);
  const pool = Number(args.pool);
  if (!(Number.isInteger(pool) && pool >= 0 && pool <= 10) || pool === 1) {
    throw new UserError(tr(`--pool må være 0 (av) eller et heltall fra 2 til 10, ikke "${args.pool}"`, `--pool must be 0 (off) or an integer from 2 to 10, not "${args.pool}"`));
  }
  const cohorts = parseCohortOption(args.kohort ?? '', DEFINITIONS);
  if (!existsSync(args.db)) throw new UserError(tr(`finner ikke lageret ${args.db}`, `store not found: ${args.db}`));
  const xlsx = args.xlsx === undefined ? 'wait' : choiceOption('--xlsx', args.xlsx, ['wait', 'skip']);
  const analyses = choiceOption('--analyses', args.analyses, ['on', 'off']);
  const progress = consoleProgress(args.quiet ?? false);
  const t0 = performance.now();
  if (disclosure === 'off') {
    process.stderr.write(
      tr(
        'ADVARSEL: personvern er slått av (--disclosure off). Resultatene er ubeskyttet og kun for analytikere med tilgang til mikrodata.\n',
        'WARNING: disclosure control is off (--disclosure off). The results are unprotected and only for analysts with microdata access.\n',
      ),
    );
  }
  const store = await openStore(args.db, args.memoryLimit ? { memoryLimit: args.memoryLimit } : {});
  try {
    const result = await runPublication(store, {
      out: args.out,
      disclosure,
      progress,
      ...(workers ? { workers } : {}),
      background: xlsx,
      compute: { cohorts, poolYears: pool },
      catalogue: withCohorts(CATALOGUE, cohorts),
      analyses: analyses === 'on',
    });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    const nFiles = result.files.length + (await result.background).length;
    process.stdout.write(
      tr(
        `Ferdig: ${result.cells} celler for ${result.persons} personer på ${secs} s. ${nFiles} filer i ${result.out}.\n`,
        `Done: ${result.cells} cells for ${result.persons} persons in ${secs} s. ${nFiles} files in ${result.out}.\n`,
      ),
    );
  } finally {
    await store.close();
  }
}
