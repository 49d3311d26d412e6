import type { Command } from 'commander';
import { UserError } from '../../shared/errors.ts';

/** Placeholder until the serve stage lands. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve (ikke ferdig ennå / not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('serve er ikke implementert ennå / not implemented yet');
    });
}
