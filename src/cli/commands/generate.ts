import type { Command } from 'commander';
import { UserError } from '../../shared/errors.ts';

/** Placeholder until the generate stage lands. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('generate (ikke ferdig ennå / not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('generate er ikke implementert ennå / not implemented yet');
    });
}
