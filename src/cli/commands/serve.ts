import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { startServer } from '../../server/index.ts';
import { openStore } from '../../store/index.ts';
import { UserError } from '../../shared/errors.ts';
import { getLang, tr } from '../../shared/lang.ts';
import { consoleProgress } from '../../shared/progress.ts';
import { writePendingOutputs } from '../../publish/index.ts';

interface ServeArgs {
  db: string;
  port: string;
  host: string;
  buildFiles?: boolean;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UserError(tr(`ugyldig port: ${text}`, `invalid port: ${text}`));
  }
  return port;
}

/** `integreringsmonitor serve --db FILE [--port N] [--host H]`: API + dashboard, read-only store. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(tr('start API og dashbord på et beregnet lager', 'serve the API and dashboard from a computed store'))
    .requiredOption('--db <file>', tr('DuckDB-lageret (etter compute)', 'the DuckDB store (after compute)'))
    .option('--port <n>', tr('port (0 = en ledig port)', 'port (0 = any free port)'), '8080')
    .option('--host <address>', tr('adresse å lytte på', 'address to listen on'), '127.0.0.1')
    .option('--build-files', tr('lag filene som mangler (XLSX etter `compute --xlsx skip`) i bakgrunnen mens serveren svarer', 'produce the missing files (XLSX after `compute --xlsx skip`) in the background while the server answers'))
    .action(async (args: ServeArgs) => {
      if (!existsSync(args.db)) throw new UserError(tr(`fant ikke lageret ${args.db}`, `store not found: ${args.db}`));
      const port = parsePort(args.port);
      // Read-only: the server never writes, and other readers may open the same file.
      const store = await openStore(args.db, { readOnly: true });
      const server = await startServer({ store, port, host: args.host, lang: getLang() });
      process.stdout.write(`${tr('Lytter på', 'Listening on')} ${server.url}/  (API: ${server.url}/api/v1/)\n`);
      const stop = () => {
        // The store is read-only: nothing to flush, so exit once the server stops accepting.
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (args.buildFiles) {
        const progress = consoleProgress();
        progress.step('Lager XLSX-filene i bakgrunnen (API-et lager dem ved behov til de er ferdige) …', 'Writing the XLSX files in the background (the API builds them on request until they are done) …');
        void writePendingOutputs(store, (name, done, total) => progress.step(`  XLSX: ${done} av ${total} (${name})`, `  XLSX: ${done} of ${total} (${name})`))
          .then(({ files }) => progress.done(`XLSX-filene er ferdige (${files.length}).`, `The XLSX files are done (${files.length}).`))
          .catch((err: unknown) => process.stderr.write(`${tr('Bakgrunnsfilene feilet', 'The background files failed')}: ${(err as Error).message}\n`));
      }
      await new Promise<never>(() => undefined);
    });
}
