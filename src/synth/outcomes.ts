/**
 * Yearly register outcomes (utfall, status in November, law-rules §10: years since settlement)
 * and education completed or approved in Norway (utdanning_norge).
 */
import { addMonths, ageAt, DATA_END, dayOf, iso, LAST_YEAR, yearOf } from './dates.ts';
import { bool, type GenContext } from './context.ts';
import { employmentLogOdds } from './employability.ts';
import type { Municipality } from './municipalities.ts';
import { logistic } from './prng.ts';
import type { AarsakGruppe } from '../contract/codes.ts';
import type { Person, ProgrammeFacts } from './types.ts';

interface YearState {
  m: Municipality;
  owner: '' | 'selveier' | 'andel_aksje';
}

function timeTerm(p: Person, inProgramme: boolean, botid: number): number {
  const refugee = p.stream === 'refugee' || p.stream === 'mottak';
  if (inProgramme) return p.tillatelse === 'KOLLEKTIV_34' ? -1.3 : -2.0;
  return refugee ? -0.2 + 0.25 * Math.min(botid, 5) : -0.3 + 0.1 * Math.min(botid, 5);
}

export function generateOutcomes(ctx: GenContext, p: Person, prog: ProgrammeFacts | undefined, exitGroup: AarsakGruppe | undefined): void {
  const { rng, munis } = ctx;
  const since = p.settlement ?? p.arrival;
  const state: YearState = { m: p.kommune, owner: '' };
  for (let y = yearOf(since); y <= LAST_YEAR; y++) {
    const nov = dayOf(y, 11, 1);
    if (nov < since) continue;
    if (nov >= p.exit) break;
    const inProg = !!prog && prog.start <= nov && (prog.end === undefined || prog.end >= nov);
    const afterProg = !!prog && prog.end !== undefined && prog.end < nov;
    // Controlled act mode (generate --act-effect PP): employment gets no path from the act's
    // programme rules (status in the programme, exit reason, moving after the programme), only PP.
    const controlled = ctx.actEffectPp !== undefined;
    // Secondary migration after the programme (controlled mode: after the first two years), mostly towards the cities.
    const mayMove = controlled ? y > yearOf(since) + 1 : !inProg && y > yearOf(since);
    if (mayMove && rng.chance(0.03)) state.m = munis.drawUrban(rng);
    const botid = (nov - since) / 365.25;
    const boost = controlled ? 0 : afterProg && exitGroup === 'arbeid' ? 1.1 : afterProg && exitGroup === 'utdanning' ? -0.3 : 0;
    const act = p.newAct ? (ctx.actEffectPp ?? 0) / 100 : 0;
    const time = timeTerm(p, controlled ? false : inProg, botid);
    const employed = rng.chance(Math.min(1, logistic(employmentLogOdds(p, state.m, munis, y) + time + boost) + act));
    const age = ageAt(p.birth, nov);
    const eduLogit =
      -2.4 + (age < 25 ? 1.6 : age < 35 ? 0.4 : -0.8) + (inProg && prog?.vgoHeltid ? 4 : 0) +
      (afterProg && exitGroup === 'utdanning' ? 2.2 : 0) + (employed ? -0.6 : 0) + 0.4 * state.m.effect;
    const inEducation = rng.chance(logistic(eduLogit));
    ctx.emit('utfall', outcomeRow(ctx, p, state, y, nov, { employed, inEducation, inProg, botid }));
  }
}

interface Status {
  employed: boolean;
  inEducation: boolean;
  inProg: boolean;
  botid: number;
}

function outcomeRow(ctx: GenContext, p: Person, state: YearState, y: number, nov: number, s: Status): string[] {
  const { rng } = ctx;
  const g = ctx.g(y);
  const fullTime = s.employed && rng.chance(logistic(-0.3 + (p.woman ? -0.8 : 0) + 0.2 * Math.min(s.botid, 5) + 0.3 * state.m.effect));
  const partYear = s.botid < 1 ? Math.min(1, s.botid + 0.15) : 1;
  const income = s.employed
    ? g * Math.exp((fullTime ? Math.log(4.6) : Math.log(1.7)) + 0.45 * rng.normal() + 0.3 * state.m.effect) * partYear
    : rng.chance(0.22) ? g * (0.05 + 1.1 * rng.next()) * partYear : 0;
  const refugee = p.stream === 'refugee' || p.stream === 'mottak';
  const social = s.inProg ? rng.chance(0.12) : rng.chance(logistic(-1.3 - 1.8 * +s.employed + (refugee ? 0.7 : -1.2) - 0.1 * s.botid));
  const socialMain = social && !s.employed && rng.chance(0.45);
  const transfers = rng.chance(logistic(-0.6 - (fullTime ? 1 : 0) + (p.children ? 0.5 : 0) + (refugee ? 0.3 : -1)));
  if (!state.owner && rng.chance(logistic(-4.2 + 0.35 * Math.min(s.botid, 8) + (s.employed ? 1 : 0) + (refugee ? 0 : 1.3)))) {
    state.owner = rng.chance(0.25) ? 'andel_aksje' : 'selveier';
  }
  const tenure = state.owner || (rng.chance(0.04) ? 'annet' : 'leier');
  return [
    p.id, String(y), ctx.codeOf(p, state.m, nov), bool(s.employed), bool(s.inEducation), String(Math.round(income)),
    s.employed ? bool(fullTime) : '', bool(social), bool(socialMain), bool(transfers), tenure,
  ];
}

/** Completed education in Norway and approvals of foreign education (NUDB). */
export function generateEducationNorway(ctx: GenContext, p: Person, prog: ProgrammeFacts | undefined): void {
  const { rng } = ctx;
  const row = (day: number, nivaa: string, kilde: string) => {
    if (day <= DATA_END && day < p.exit) ctx.emit('utdanning_norge', [p.id, iso(day), nivaa, kilde]);
  };
  if (p.education === 'hoyere' && rng.chance(0.25)) row(p.arrival + rng.int(180, 1100), 'hoyere', 'godkjent_utland');
  if (p.education === 'vgo' && rng.chance(0.08)) row(p.arrival + rng.int(180, 1100), rng.chance(0.7) ? 'vgo_yrkesfag' : 'vgo_studiespesialisering', 'godkjent_utland');
  if (!prog) {
    // Adults outside the programme (family and labour immigrants) also complete education here.
    if (p.education !== 'hoyere' && rng.chance(0.03)) row(addMonths(p.arrival, rng.int(18, 60)), rng.chance(0.4) ? 'grunnskole' : rng.chance(0.6) ? 'vgo_yrkesfag' : 'vgo_studiespesialisering', 'fullfort_norge');
    if (p.education === 'vgo' || p.education === 'hoyere') {
      if (rng.chance(0.04)) row(addMonths(p.arrival, rng.int(30, 72)), 'hoyere', 'fullfort_norge');
    }
    return;
  }
  const goal = prog.lastGoal;
  if (goal.endsWith('grunnskole') && rng.chance(goal === 'fullfort_grunnskole' ? 0.45 : 0.15)) {
    row((prog.end ?? prog.plannedEnd) + rng.int(-60, 200), 'grunnskole', 'fullfort_norge');
  }
  // A goal of higher education: some complete a Norwegian degree (or the last part of one) in 3–5 years.
  if (goal === 'kvalifisert_hoyere_utdanning') {
    // A few finish a degree begun abroad (the missing credits) while in the programme (P2 `annen`);
    // more complete a Norwegian degree in 3–5 years.
    const end = prog.end ?? prog.plannedEnd;
    if (rng.chance(0.04)) row(prog.start + Math.floor(0.8 * (end - prog.start)), 'hoyere', 'fullfort_norge');
    else if (rng.chance(0.12)) row(addMonths(prog.start, rng.int(30, 60)), 'hoyere', 'fullfort_norge');
  }
    if (goal.endsWith('vgo') && rng.chance(prog.vgoHeltid ? 0.55 : 0.3)) {
    row(addMonths(prog.start, rng.int(24, 48)), rng.chance(0.65) ? 'vgo_yrkesfag' : 'vgo_studiespesialisering', 'fullfort_norge');
    if (rng.chance(0.1)) row(addMonths(prog.start, rng.int(60, 96)), 'hoyere', 'fullfort_norge');
  }
}

