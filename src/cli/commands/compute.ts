import type { Command } from 'commander';
import { UserError } from '../../shared/errors.ts';

/** Placeholder until the compute stage lands. */
export function registerCompute(program: Command): void {
  program
    .command('compute')
    .description('compute (ikke ferdig ennå / not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('compute er ikke implementert ennå / not implemented yet');
    });
}
