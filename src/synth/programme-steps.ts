/**
 * Start-up steps (oppstart, law-rules §4: mapping, career guidance, plan within 3 months of
 * settlement, mostly on time, some late) and programme elements (elementer, section 5.1.1.1).
 */
import { addMonths, DATA_END, iso } from './dates.ts';
import { bool, type GenContext } from './context.ts';
import { weighted, type Rng } from './prng.ts';
import type { Maalgruppe, Person, ProgrammeFacts } from './types.ts';

/** Days after a reference date: mostly within the 3-month deadline, some late. */
function dueDays(rng: Rng, onTime: number): number {
  return rng.chance(onTime) ? rng.int(5, 88) : rng.int(92, 240);
}

const WORK_ELEMENTS = {
  arbeidspraksis_nav: 22, ordinaert_arbeid: 10, amo_kurs: 10, arbeidsmarkedsbedrift_nav: 5,
  arbeidsmarkedsbedrift_kommunal: 5, hospitering_kommunal: 8, yrkesrettet_kurs_andre: 8, hospitering_andre: 7,
  sertifiseringskurs_andre: 5, lonnstilskudd: 9, arbeidsrettet_annet: 6,
} as const;

export function generateOppstart(ctx: GenContext, p: Person, group: Maalgruppe, prog: ProgrammeFacts | undefined): void {
  const { rng } = ctx;
  const row = (type: string, day: number, by: string, recommended = '', help = '') => {
    if (day <= DATA_END && day < p.exit) ctx.emit('oppstart', [p.id, type, iso(day), by, recommended, help]);
  };
  if (group === 'asylsoker') {
    // Mapping in reception before settlement (law-rules §2, kap. 3).
    if (p.newAct && rng.chance(0.6)) row('kompetansekartlegging', p.arrival + rng.int(20, 150), 'vertskommune', '', bool(rng.chance(0.6)));
    return;
  }
  if (prog && p.settlement !== undefined) {
    const s = p.settlement;
    if (p.newAct) {
      if (rng.chance(0.93)) {
        // Mapping before the plan: in reception (asylum), by IMDi before arrival (resettlement), or after settlement.
        const [by, day] =
          p.tillatelse === 'OVERFORING_35' ? ['imdi', p.arrival - rng.int(20, 120)]
          : p.tillatelse === 'ASYL_28' && rng.chance(0.6) ? ['vertskommune', s - rng.int(10, 120)]
          : ['bosettingskommune', s + dueDays(rng, 0.85) - 30];
        row('kompetansekartlegging', Math.max(p.arrival - 180, day as number), by as string, '', bool(rng.chance(0.55)));
      }
      if (rng.chance(0.85)) {
        const rec = rng.chance(0.75) ? prog.lastGoal : weighted(rng, { arbeid: 50, fullfort_vgo: 25, kvalifisert_hoyere_utdanning: 25 });
        // The county is responsible; some counties let the municipality do it (section 5.1.1.2).
        row('karriereveiledning', s + dueDays(rng, 0.75), rng.chance(0.1) ? 'bosettingskommune' : 'fylkeskommune', rec);
      }
      if (rng.chance(0.95)) row('integreringsplan', s + dueDays(rng, 0.82), 'bosettingskommune');
      if (rng.chance(0.3)) row('integreringskontrakt', prog.start + rng.int(30, 120), 'bosettingskommune');
    } else if (rng.chance(0.75)) {
      // Old act: the individual plan, registered in NIR.
      row('integreringsplan', s + dueDays(rng, 0.7), 'bosettingskommune');
    }
    return;
  }
  if (group === 'norsk_rett_plikt' && p.newAct && rng.chance(0.8)) {
    // Norwegian plan ≤ 3 months after the person is registered in the municipality (law-rules §4).
    row('norskplan', (p.settlement ?? p.arrival) + dueDays(rng, 0.8), 'bosettingskommune');
  }
}

/** Element rows, clipped to the programme period and the data period. */
export function generateElementer(ctx: GenContext, p: Person, prog: ProgrammeFacts): void {
  const { rng } = ctx;
  const last = prog.end ?? DATA_END;
  const row = (element: string, from: number, to: number, fullTime: boolean) => {
    if (from > last || from > DATA_END) return;
    const open = prog.end === undefined && to >= last;
    const end = Math.min(to, last);
    ctx.emit('elementer', [p.id, element, iso(from), open ? '' : iso(Math.max(from, end)), bool(fullTime)]);
  };
  row('norsk', prog.start, last, false);
  // Civics within a year of the decision (law-rules §4).
  const civ = prog.start + rng.int(0, 60);
  row('samfunnskunnskap', civ, addMonths(civ, rng.int(2, 5)), false);
  if (p.newAct && rng.chance(0.8)) {
    const d = prog.start + rng.int(30, 150);
    row('livsmestring', d, addMonths(d, rng.int(1, 3)), false);
  }
  if (p.newAct && p.children && rng.chance(0.7)) {
    const d = prog.start + rng.int(60, 200);
    row('foreldreveiledning', d, addMonths(d, rng.int(1, 2)), false);
  }
  const nWork = rng.chance(0.72) ? (rng.chance(0.35) ? 2 : 1) : 0;
  let cursor = addMonths(prog.start, rng.int(2, 6));
  for (let i = 0; i < nWork; i++) {
    const to = addMonths(cursor, rng.int(2, 6));
    row(weighted(rng, WORK_ELEMENTS), cursor, to, rng.chance(0.3));
    cursor = to + rng.int(1, 60);
  }
  educationElement(ctx, prog, row);
}

function educationElement(ctx: GenContext, prog: ProgrammeFacts, row: (e: string, f: number, t: number, ft: boolean) => void): void {
  const { rng } = ctx;
  const last = prog.end ?? prog.plannedEnd;
  switch (prog.lastGoal) {
    case 'fullfort_grunnskole':
    case 'delvis_grunnskole':
      row('grunnskole', prog.start + rng.int(0, 120), last, rng.chance(0.5));
      break;
    case 'fullfort_vgo':
    case 'delvis_vgo':
      if (prog.vgoHeltid) row('vgo_kombinasjon', prog.start + rng.int(0, 60), last, true);
      // Combination classes (primary and vgo subjects) also part-time, under both acts.
      else if (rng.chance(0.12)) row('vgo_kombinasjon', prog.start + rng.int(30, 180), last, false);
      else row(rng.chance(0.6) ? 'vgo_yrkesfag' : 'vgo_studiespesialisering', prog.start + rng.int(60, 240), last, rng.chance(0.4));
      break;
    case 'kvalifisert_hoyere_utdanning': {
      const d = prog.start + rng.int(10, 120);
      row(rng.chance(0.5) ? 'realkompetansevurdering' : 'godkjenning_formalkompetanse', d, d + rng.int(30, 120), false);
      break;
    }
  }
}
