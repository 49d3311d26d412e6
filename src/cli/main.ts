/** The integreringsmonitor command line: one sub-command per stage of the data flow. */
import { Command, CommanderError } from 'commander';
import { setLang, tr } from '../shared/lang.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerCompute } from './commands/compute.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { registerAnalyse } from './commands/analyse.ts';

import { UserError } from '../shared/errors.ts';

export async function main(argv: readonly string[]): Promise<number> {
  const langIdx = argv.indexOf('--lang');
  if (langIdx >= 0 && argv[langIdx + 1] === 'en') setLang('en');

  const program = new Command('integreringsmonitor')
    .description(
      tr(
        'Indikatorer for integreringsloven: innlesing av registeruttrekk, beregning av resultatkjeden, personvern og publisering.',
        'Indicators for the Integration Act: register ingest, results-chain computation, disclosure control and publishing.',
      ),
    )
    .option('--lang <nb|en>', tr('språk for utskrift (nb eller en)', 'output language (nb or en)'), 'nb')
    .exitOverride()
    .showHelpAfterError();

  registerGenerate(program);
  registerIngest(program);
  registerCompute(program);
  registerServe(program);
  registerStart(program);
  registerAnalyse(program);

  try {
    await program.parseAsync(['node', 'integreringsmonitor', ...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UserError) {
      process.stderr.write(`${tr('Feil', 'Error')}: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`${tr('Uventet feil', 'Unexpected error')}: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
