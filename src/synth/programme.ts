/**
 * The introduction programme (introprogram) and its end goals (maal, type sluttmaal), following
 * law-rules §3 (subgroups), §5 (length caps by subgroup) and §6 (end goals by subgroup).
 */
import { addMonths, ageAt, DATA_END, yearOf } from './dates.ts';
import { bool, type GenContext } from './context.ts';
import { iso } from './dates.ts';
import { weighted, type Rng } from './prng.ts';
import { targetGroup } from './persons.ts';
import type { Person, ProgrammeFacts } from './types.ts';

type Subgroup = ProgrammeFacts['subgroup'];

/** End goals expected by subgroup (law-rules §6): har_vgo → work or higher education;
 * under_25 → completed vgo as the main rule; ovrige → work, (parts of) primary or vgo. */
const GOALS: Readonly<Record<Subgroup, Readonly<Record<string, number>>>> = {
  har_vgo: { arbeid: 62, kvalifisert_hoyere_utdanning: 38 },
  under_25: { fullfort_vgo: 66, delvis_vgo: 8, arbeid: 15, fullfort_grunnskole: 8, delvis_grunnskole: 3 },
  ovrige: { arbeid: 50, fullfort_grunnskole: 15, delvis_grunnskole: 10, delvis_vgo: 10, fullfort_vgo: 8, annet: 7 },
};

/** Programme caps in months (law-rules §5): normal maximum and possible extension. */
/** Share of programmes whose registered end lies past the maximum length (I4 `andel_over_tak`). */
export const OVER_CAP_SHARE = 0.015;

export function programmeCap(newAct: boolean, subgroup: Subgroup, lastGoal: string): { normal: number; extension: number } {
  if (!newAct) return { normal: 24, extension: 12 };
  if (subgroup === 'har_vgo') return { normal: 6, extension: 6 };
  return { normal: lastGoal === 'fullfort_vgo' ? 36 : 24, extension: 12 };
}

export function subgroupOf(p: Person, start: number): Subgroup {
  if (p.education === 'vgo' || p.education === 'hoyere') return 'har_vgo';
  return ageAt(p.birth, start) < 25 ? 'under_25' : 'ovrige';
}

/** Normal length in months: old act often runs to the 2-year cap; Ukrainians (chapter 6A) short. */
function normalLength(rng: Rng, p: Person, cap: number, subgroup: Subgroup, lastGoal: string): number {
  if (subgroup === 'har_vgo' && p.newAct) return rng.int(3, cap);
  if (p.tillatelse === 'KOLLEKTIV_34') return rng.int(6, 12);
  if (!p.newAct) return rng.chance(0.55) ? cap : rng.int(6, cap - 1);
  if (lastGoal === 'fullfort_vgo') return rng.int(18, cap);
  return rng.chance(0.45) ? cap : rng.int(6, cap - 1);
}

function otherGoal(rng: Rng, subgroup: Subgroup, current: string): string {
  for (let i = 0; i < 10; i++) {
    const g = weighted(rng, GOALS[subgroup]);
    if (g !== current) return g;
  }
  return current === 'arbeid' ? 'annet' : 'arbeid';
}

/** Decides participation and writes introprogram + sluttmaal rows. Returns the programme facts. */
export function generateProgramme(ctx: GenContext, p: Person): ProgrammeFacts | undefined {
  const { rng } = ctx;
  if (p.settlement === undefined) return undefined;
  // Decision mostly soon after settlement; some municipalities are late (law-rules §4: ≤ 3 months).
  const decision = p.settlement + (rng.chance(0.85) ? rng.int(0, 50) : rng.int(51, 200));
  const start = decision + rng.int(0, 30);
  if (targetGroup(p, decision) !== 'intro') return undefined;
  if (start > DATA_END || p.exit <= start + 30) return undefined;
  // Chapter 6A (Ukrainians): right but no duty, so fewer take part.
  if (!rng.chance(p.tillatelse === 'KOLLEKTIV_34' ? 0.8 : 0.92)) return undefined;

  const subgroup = subgroupOf(p, start);
  const goals = [weighted(rng, GOALS[subgroup])];
  // End goals are adjusted during the programme (law-rules §6): some once, a few twice.
  const adjustments = rng.chance(0.25) ? (rng.chance(0.3) ? 2 : 1) : 0;
  for (let i = 0; i < adjustments; i++) goals.push(otherGoal(rng, subgroup, goals[goals.length - 1] as string));
  const lastGoal = goals[goals.length - 1] as string;
  const cap = programmeCap(p.newAct, subgroup, lastGoal);
  const normal = normalLength(rng, p, cap.normal, subgroup, lastGoal);
  const extended = rng.chance(subgroup === 'har_vgo' ? 0.1 : p.newAct ? 0.12 : 0.15);
  const plannedMonths = normal + (extended ? rng.int(1, cap.extension) : 0);
  const plannedEnd = addMonths(start, plannedMonths);
  let end = rng.chance(0.22) ? addMonths(start, rng.int(2, Math.max(2, plannedMonths - 1))) : plannedEnd;
  // A few run past the maximum (a registration or compliance error I4's "above the cap" exists to
  // show, law-rules §5): 1.5 %, by 20–100 days.
  if (end === plannedEnd && rng.chance(OVER_CAP_SHARE)) end = addMonths(start, cap.normal + cap.extension) + rng.int(20, 100);
  const realExit = p.emigrated ?? p.died;
  if (realExit !== undefined && realExit <= end) end = realExit - 1;
  const finished = end <= DATA_END;
  const vgoHeltid = p.newAct && subgroup === 'under_25' && lastGoal === 'fullfort_vgo' && rng.chance(0.35);
  const kommune = ctx.codeOf(p, p.kommune, decision);

  ctx.emit('introprogram', [
    p.id, kommune, iso(decision), iso(start), finished ? iso(end) : '', iso(plannedEnd),
    bool(extended), bool(rng.chance(0.96)), bool(vgoHeltid),
  ]);
  for (let y = yearOf(start); y <= yearOf(Math.min(end, DATA_END)); y++) ctx.countParticipant(p.kommune.code, y);
  // Old-act plans were not always registered with a goal in NIR.
  if (p.newAct || rng.chance(0.8)) writeGoals(ctx, p, goals, decision, Math.min(end, DATA_END));
  return { start, end: finished ? end : undefined, plannedEnd, vgoHeltid, lastGoal, subgroup, decision };
}

/** Writes the first goal near the decision and spreads adjustments over the programme. */
function writeGoals(ctx: GenContext, p: Person, goals: readonly string[], decision: number, limit: number): void {
  const first = Math.min(limit, decision + ctx.rng.int(0, 30));
  const span = limit - first;
  // A programme too short to adjust in keeps only its first goal.
  const written = span < 30 * goals.length ? goals.slice(0, 1) : goals;
  written.forEach((g, i) => {
    const d = i === 0 ? first : first + Math.floor((span * i) / written.length) - ctx.rng.int(0, 14);
    ctx.emit('maal', [p.id, iso(d), 'sluttmaal', g, '', '', '', '', '']);
  });
}
