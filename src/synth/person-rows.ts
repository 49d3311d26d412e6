/** All rows that follow from one person, in the order the stages depend on each other. */
import type { GenContext } from './context.ts';
import { generateCompletion } from './completion.ts';
import { generateLanguage } from './language.ts';
import { generateEducationNorway, generateOutcomes } from './outcomes.ts';
import { generateProgramme } from './programme.ts';
import { generateElementer, generateOppstart } from './programme-steps.ts';
import { targetGroup } from './persons.ts';
import type { Person } from './types.ts';

export function generatePersonRows(ctx: GenContext, p: Person): void {
  const prog = generateProgramme(ctx, p);
  const group = targetGroup(p, prog?.decision ?? p.settlement ?? p.arrival);
  generateOppstart(ctx, p, group, prog);
  if (prog) generateElementer(ctx, p, prog);
  generateLanguage(ctx, p, group, prog);
  const exitGroup = prog ? generateCompletion(ctx, p, prog) : undefined;
  generateOutcomes(ctx, p, prog, exitGroup);
  generateEducationNorway(ctx, p, prog);
}
