import type { Command } from 'commander';
import { UserError } from '../../shared/errors.ts';

/** Placeholder until the start stage lands. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start (ikke ferdig ennå / not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('start er ikke implementert ennå / not implemented yet');
    });
}
