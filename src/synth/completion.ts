/**
 * Programme completion (avslutning): old act a single reason, sometimes written as the verbatim
 * table 5.2 label; new act a main reason plus a second and third now and then (section 5.2.2).
 */
import { AARSAK_GRUPPE, TABLE_5_2_LABELS, type Aarsak, type AarsakGruppe } from '../contract/codes.ts';
import { bool, type GenContext } from './context.ts';
import { iso, yearOf } from './dates.ts';
import { employmentLogOdds } from './employability.ts';
import { logistic, weighted, type Rng } from './prng.ts';
import type { Person, ProgrammeFacts } from './types.ts';

const LABEL_OF = new Map<Aarsak, string[]>();
for (const [label, code] of Object.entries(TABLE_5_2_LABELS)) LABEL_OF.set(code, [...(LABEL_OF.get(code) ?? []), label]);

/** Reasons other than work and education, with rough shares from IMDi's yearly NIR figures. */
const OTHER_REASONS = {
  arbeidssoker_kvp: 3, arbeidssoker_lonnstilskudd: 3, arbeidssoker_nav_tiltak: 9, arbeidssoker_tiltak_andre: 2,
  sosial_stonad: 5, trygdeytelser: 2, omsorg_barn_0_1: 3, omsorg_barn_1_3: 2, ikke_arbeidssoker: 2,
  ikke_arbeidssoker_forsorget: 2, ikke_arbeidssoker_sosial_trygd: 1, helse: 5, atferd: 1, mistet_rett: 1,
  annet: 4, ikke_registrert: 2,
} as const satisfies Partial<Record<Aarsak, number>>;

function educationReason(rng: Rng, p: Person, prog: ProgrammeFacts): Aarsak {
  const goal = prog.lastGoal;
  if (goal.endsWith('grunnskole')) return rng.chance(0.3) ? 'fullfort_grunnskole' : 'utdanning_grunnskole';
  if (goal === 'kvalifisert_hoyere_utdanning' || p.education === 'hoyere') return 'utdanning_hoyere';
  if (!p.newAct) return 'utdanning_vgo';
  if (rng.chance(0.15)) return 'fullfort_vgo';
  return rng.chance(0.6) ? 'utdanning_vgo_yrkesfag' : 'utdanning_vgo_studiespesialisering';
}

function mainReason(ctx: GenContext, p: Person, prog: ProgrammeFacts, end: number): Aarsak {
  const { rng } = ctx;
  const realExit = p.emigrated ?? p.died;
  if (realExit !== undefined && realExit - 1 === end) return p.died !== undefined ? 'dod' : 'flyttet';
  if (rng.chance(0.02)) return 'flyttet';
  const eta = employmentLogOdds(p, p.kommune, ctx.munis, yearOf(end));
  if (rng.chance(logistic(eta - 0.75))) return 'arbeid';
  const young = prog.subgroup === 'under_25' ? 1.4 : 0;
  const eduGoal = prog.lastGoal === 'arbeid' || prog.lastGoal === 'annet' ? -0.6 : 0.6;
  if (rng.chance(logistic(-1.2 + young + eduGoal))) return educationReason(rng, p, prog);
  const r = weighted(rng, OTHER_REASONS);
  return r.startsWith('omsorg') && !p.children ? 'arbeidssoker_nav_tiltak' : r;
}

/** Writes the avslutning row for a finished programme; returns the reason group. */
export function generateCompletion(ctx: GenContext, p: Person, prog: ProgrammeFacts): AarsakGruppe | undefined {
  const { rng } = ctx;
  if (prog.end === undefined) return undefined;
  const main = mainReason(ctx, p, prog, prog.end);
  let [second, third] = ['', ''];
  const group0 = AARSAK_GRUPPE[main];
  // Work and education combined (section 5.2.1.1: many combine school with work): the second reason.
  if (p.newAct && group0 === 'arbeid' && rng.chance(0.12)) second = educationReason(rng, p, prog);
  else if (p.newAct && group0 === 'utdanning' && rng.chance(0.2)) second = 'arbeid';
  else if (p.newAct && main !== 'dod' && rng.chance(0.35)) {
    const a2 = weighted(rng, OTHER_REASONS);
    if (a2 !== main) second = a2;
    const a3 = weighted(rng, OTHER_REASONS);
    if (second && rng.chance(0.3) && a3 !== main && a3 !== second) third = a3;
  }
  const labels = LABEL_OF.get(main);
  const written = !p.newAct && labels && rng.chance(0.3) ? rng.pick(labels) : main;
  const group = AARSAK_GRUPPE[main];
  const goalReached = (() => {
    if (!p.newAct) return '';
    const eduGoal = !['arbeid', 'annet'].includes(prog.lastGoal);
    const match = (prog.lastGoal === 'arbeid' && group === 'arbeid') || (eduGoal && group === 'utdanning');
    return bool(rng.chance(match ? 0.75 : 0.12));
  })();
  ctx.emit('avslutning', [p.id, iso(prog.end), written, second, third, goalReached]);
  return group;
}
