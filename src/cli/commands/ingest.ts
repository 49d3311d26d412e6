import type { Command } from 'commander';
import { UserError } from '../../shared/errors.ts';

/** Placeholder until the ingest stage lands. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest (ikke ferdig ennå / not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('ingest er ikke implementert ennå / not implemented yet');
    });
}
