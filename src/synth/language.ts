/**
 * Norwegian training: language goals (maal type norskmaal, law-rules §7), monthly hours
 * (norsktimer) and test results (proever). Test levels depend on education, months of
 * training, aptitude and the municipality (calibrated to magnitudes.csv: 2021, B1 or better
 * oral 45 %, writing 40 %).
 */
import { CEFR } from '../contract/codes.ts';
import { addMonths, ageAt, DATA_END, iso, monthIndex, monthLabel, monthStart } from './dates.ts';
import type { GenContext } from './context.ts';
import { logistic, weighted, type Rng } from './prng.ts';
import type { Maalgruppe, Person, ProgrammeFacts, Utdanning } from './types.ts';

type Level = (typeof CEFR)[number];

/** Guideline language goal by education before arrival (law-rules §7, tables 2.1 and 5.4). */
export function guidelineGoal(education: Utdanning, endGoal: string | undefined): readonly Level[] {
  if (education === 'ingen') return ['A2', 'A2', 'A2', 'B1'];
  if (education === 'vgo' || education === 'hoyere') {
    return endGoal === 'kvalifisert_hoyere_utdanning' ? ['B2', 'B2', 'B2', 'B2'] : ['B1', 'B1', 'B1', 'B2'];
  }
  return ['B1', 'B1', 'B1', 'B1'];
}

const shift = (l: Level, by: number): Level => CEFR[Math.min(5, Math.max(1, CEFR.indexOf(l) + by))] as Level;

const EDU_ABILITY: Readonly<Record<Utdanning, number>> = { ingen: -1.7, grunnskole: -0.95, vgo: -0.35, hoyere: 0.1, ukjent: -0.9 };
const SUBTESTS = ['lytte', 'lese', 'skrive', 'muntlig'] as const;
const SUBTEST_OFFSET = [0, 0.05, -0.1, -0.12];
const THRESHOLDS = [-1.7, -0.9, -0.05, 0.85, 1.9];

function level(score: number): Level {
  let i = 0;
  while (i < THRESHOLDS.length && score >= (THRESHOLDS[i] as number)) i++;
  return CEFR[i] as Level;
}

interface Training {
  from: number;
  to: number;
  hoursPerMonth: readonly [number, number];
}

/** Training period by target group: intro participants through the programme (right lasts up to
 * 3 years, 18 months with vgo); right-and-duty until the goal; duty-only 300 hours. */
function trainingFor(rng: Rng, p: Person, group: Maalgruppe, prog: ProgrammeFacts | undefined): Training | undefined {
  const hasVgo = p.education === 'vgo' || p.education === 'hoyere';
  if (prog) {
    const capEnd = addMonths(prog.start, p.newAct && hasVgo ? 18 : 36);
    const base = prog.end ?? DATA_END;
    const to = Math.min(capEnd, prog.end !== undefined && rng.chance(0.3) ? addMonths(base, rng.int(1, 6)) : base);
    return { from: prog.start, to: Math.max(prog.start, to), hoursPerMonth: [38, 64] };
  }
  const registered = (p.settlement ?? p.arrival) + rng.int(20, 120);
  switch (group) {
    case 'norsk_rett_plikt':
      if (!rng.chance(0.75)) return undefined;
      return { from: registered, to: addMonths(registered, rng.int(8, hasVgo && p.newAct ? 18 : 30)), hoursPerMonth: [16, 32] };
    case 'norsk_plikt':
      if (!rng.chance(0.6)) return undefined;
      return { from: registered, to: addMonths(registered, rng.int(9, 15)), hoursPerMonth: [18, 30] };
    case 'asylsoker':
      if (!rng.chance(0.4)) return undefined;
      return { from: p.arrival + rng.int(30, 90), to: addMonths(p.arrival, rng.int(4, 10)), hoursPerMonth: [12, 22] };
    default:
      return undefined;
  }
}

export function generateLanguage(ctx: GenContext, p: Person, group: Maalgruppe, prog: ProgrammeFacts | undefined): void {
  const { rng } = ctx;
  const training = trainingFor(rng, p, group, prog);
  if (!training || training.from > DATA_END || training.from >= p.exit) return;
  const goal = writeLanguageGoal(ctx, p, group, prog, training.from);
  const months = writeHours(ctx, p, training);
  writeTests(ctx, p, group, training, months, goal);
  if (prog?.vgoHeltid) writeVgoGrade(ctx, p, prog);
}

function writeLanguageGoal(ctx: GenContext, p: Person, group: Maalgruppe, prog: ProgrammeFacts | undefined, from: number): readonly Level[] {
  const { rng } = ctx;
  const guide = guidelineGoal(p.education, prog?.lastGoal);
  // A municipality may set a goal below or above the guideline (law-rules §7, "ambition").
  const by = rng.chance(0.12) ? -1 : rng.chance(0.07) ? 1 : 0;
  const goal = guide.map((l) => shift(l, by));
  if (group !== 'intro' && group !== 'norsk_rett_plikt') return goal;
  // The old act had no individual language goal in law; some municipalities still wrote one in
  // the individual plan and registered it in NIR (P4 (a) for the old act where it exists).
  if (!p.newAct && !rng.chance(OLD_ACT_GOAL_SHARE)) return goal;
  const day = prog ? Math.min(prog.end ?? DATA_END, prog.decision + rng.int(0, 60)) : from;
  if (day > DATA_END || day >= p.exit) return goal;
  // Full-time vgo participants: the goal is final grade 2 in Norwegian (law-rules §7).
  const grade = prog?.vgoHeltid ? '2' : '';
  ctx.emit('maal', [p.id, iso(day), 'norskmaal', '', ...goal, grade]);
  return goal;
}

/** Monthly hours while in training; July is mostly holiday. Returns the months written. */
function writeHours(ctx: GenContext, p: Person, t: Training): number {
  const { rng } = ctx;
  const first = monthIndex(t.from);
  const last = Math.min(monthIndex(t.to), monthIndex(DATA_END));
  let n = 0;
  for (let mi = first; mi <= last; mi++) {
    if (monthStart(mi) >= p.exit) break;
    const [lo, hi] = t.hoursPerMonth;
    const hours = mi % 12 === 6 ? rng.int(0, 8) : rng.int(lo, hi);
    ctx.emit('norsktimer', [p.id, monthLabel(mi), String(hours)]);
    n++;
  }
  return n;
}

/** Share of old-act participants whose municipality registered a language goal anyway. */
const OLD_ACT_GOAL_SHARE = 0.35;
/** Share who take the civics test after the course: intro and right-and-duty, and the duty-only
 * group (whose 50 hours of civics end with the test, needed for permanent residence). */
const TAKE_CIVICS: Readonly<Partial<Record<Maalgruppe, number>>> = { intro: 0.72, norsk_rett_plikt: 0.72, norsk_plikt: 0.6 };

const TAKE_TEST: Readonly<Partial<Record<Maalgruppe, number>>> = { intro: 0.8, norsk_rett_plikt: 0.55, norsk_plikt: 0.45, asylsoker: 0.05 };

function writeTests(ctx: GenContext, p: Person, group: Maalgruppe, t: Training, months: number, goal: readonly Level[]): void {
  const { rng } = ctx;
  const ok = (d: number) => d <= DATA_END && d < p.exit;
  if (rng.chance(TAKE_TEST[group] ?? 0) && months >= 4) {
    let m = rng.int(Math.min(9, months), Math.max(10, Math.min(months + 2, 40)));
    let day = addMonths(t.from, m) + rng.int(0, 27);
    const age = ageAt(p.birth, day);
    const base = EDU_ABILITY[p.education] + p.aptitude - 0.02 * (age - 30) + 0.6 * p.kommune.languageEffect + (p.land === 'UKR' ? 0.2 : 0);
    const all = rng.chance(0.85);
    for (let attempt = 0; attempt < 2 && ok(day); attempt++) {
      const ability = base + 0.045 * Math.min(m, 36);
      const reached: boolean[] = [];
      SUBTESTS.forEach((sub, i) => {
        if (!all && (sub === 'lese' || sub === 'skrive')) return;
        const l = level(ability + (SUBTEST_OFFSET[i] as number) + 0.35 * rng.normal());
        reached.push(CEFR.indexOf(l) >= CEFR.indexOf(goal[i] as Level));
        ctx.emit('proever', [p.id, iso(day), 'norsk', sub, l]);
      });
      // Some retake the test after more training when the goal was not reached.
      if (reached.every(Boolean) || !rng.chance(0.35)) break;
      const extra = rng.int(5, 12);
      m += extra;
      day = addMonths(day, extra);
    }
  }
  if (rng.chance(TAKE_CIVICS[group] ?? 0)) {
    const day = addMonths(t.from, rng.int(2, 11)) + rng.int(0, 27);
    const pass = logistic(2.2 + EDU_ABILITY[p.education] + p.aptitude);
    if (ok(day)) ctx.emit('proever', [p.id, iso(day), 'samfunnskunnskap', '', rng.chance(pass) ? 'bestatt' : 'ikke_bestatt']);
  }
  if (rng.chance(0.08)) {
    const day = addMonths(p.arrival, rng.int(36, 84));
    if (ok(day)) ctx.emit('proever', [p.id, iso(day), 'statsborger', '', rng.chance(0.8) ? 'bestatt' : 'ikke_bestatt']);
  }
}

function writeVgoGrade(ctx: GenContext, p: Person, prog: ProgrammeFacts): void {
  const day = prog.end ?? addMonths(prog.start, 30);
  if (day > DATA_END || day >= p.exit) return;
  const grade = weighted(ctx.rng, { 1: 6, 2: 24, 3: 34, 4: 23, 5: 10, 6: 3 });
  ctx.emit('proever', [p.id, iso(day), 'vgo_norsk', '', grade]);
}
