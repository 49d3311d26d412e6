import type { Command } from 'commander';
import { ingest, formatSummary } from '../../ingest/index.ts';
import { consoleProgress } from '../../shared/progress.ts';
import { tr } from '../../shared/lang.ts';

interface IngestArgs {
  input: string;
  db: string;
  report?: string;
  referenceDate?: string;
  memoryLimit?: string;
  quiet?: boolean;
}

/** `integreringsmonitor ingest --input DIR --db FILE [--report FILE]` */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(tr('les inn registeruttrekk (CSV/Parquet) til lageret', 'ingest register extracts (CSV/Parquet) into the store'))
    .requiredOption('--input <dir>', tr('mappe med <tabell>.csv / <tabell>.parquet', 'folder with <table>.csv / <table>.parquet'))
    .requiredOption('--db <file>', tr('DuckDB-lageret som skal (over)skrives', 'the DuckDB store to (re)write'))
    .option('--report <file>', tr('skriv JSON-rapport hit', 'write the JSON report here'))
    .option('--reference-date <YYYY-MM-DD>', tr('datoer etter denne avvises (standard: i dag)', 'dates after this are rejected (default: today)'))
    .option('--memory-limit <size>', tr('minnegrense for DuckDB, f.eks. 2GB', 'DuckDB memory limit, e.g. 2GB'))
    .option('--quiet', tr('ingen fremdriftsutskrift', 'no progress output'))
    .action(async (args: IngestArgs) => {
      const report = await ingest({
        inputDir: args.input,
        dbPath: args.db,
        ...(args.report ? { reportPath: args.report } : {}),
        ...(args.referenceDate ? { referenceDate: args.referenceDate } : {}),
        ...(args.memoryLimit ? { memoryLimit: args.memoryLimit } : {}),
        progress: consoleProgress(args.quiet ?? false),
      });
      process.stdout.write(formatSummary(report));
      if (!report.ok) process.exitCode = 2;
    });
}
