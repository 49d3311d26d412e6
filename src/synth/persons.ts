/**
 * Draws one person: stream and arrival year (shaped like the published magnitudes), permit
 * basis, country, sex, age, education, permit/settlement dates, municipality, emigration, death.
 */
import { addMonths, ageAt, DATA_END, dayOf, FIRST_YEAR, NEW_ACT_FROM } from './dates.ts';
import type { MunicipalityModel } from './municipalities.ts';
import {
  ageBands, ARRIVALS, EOS_COUNTRIES, educationMix, emigrationHazard, FAMILY_NORSK_COUNTRIES,
  kategoriOf, MOTTAK_COUNTRIES, REFUGEE_PERMITS, refugeeCountries, UKRAINE_SHARE, womanShare,
  WORK_COUNTRIES, WORK_PERMITS,
} from './person-profiles.ts';
import { indexSampler, weighted, type Rng } from './prng.ts';
import type { Maalgruppe, Person, Stream, Tillatelse } from './types.ts';

const STREAMS = Object.keys(ARRIVALS) as Stream[];
const CELLS = STREAMS.flatMap((s) => ARRIVALS[s].map((w, i) => ({ stream: s, year: FIRST_YEAR + i, w })));
const drawCell = indexSampler(CELLS.map((c) => c.w));

const days = (rng: Rng, lo: number, hi: number): number => rng.int(lo, hi);

/** Permit and settlement dates by permit basis (typical UDI/IMDi processing times). */
function timeline(rng: Rng, t: Tillatelse, arrival: number, year: number) {
  switch (t) {
    case 'ASYL_28':
    case 'HUMANITAER_38':
    case 'BARNEFAMILIE_38_5': {
      // The 2015 backlog: long waits in reception before permit and settlement.
      const backlog = year === 2015 || year === 2016 ? 60 : 0;
      const permit = arrival + days(rng, 60, 270) + backlog;
      return { permit, settlement: permit + days(rng, 30, 240) + backlog / 2 };
    }
    case 'KOLLEKTIV_34': {
      const permit = arrival + days(rng, 15, 75);
      return { permit, settlement: permit + days(rng, 15, 100) };
    }
    case 'OVERFORING_35': // resettlement: permit before travel, settled on arrival
      return { permit: arrival - days(rng, 60, 240), settlement: arrival };
    case 'FAMILIE_FLYKTNING':
    case 'FAMILIE_SELVSTENDIG_53':
      return { permit: arrival - days(rng, 30, 240), settlement: arrival + days(rng, 0, 45) };
    case 'FAMILIE_NORSK':
    case 'ARBEID_23':
    case 'NAERING_25':
    case 'FAMILIE_ARBEID':
      return { permit: arrival - days(rng, 30, 180), settlement: undefined };
    case 'ASYLSOKER_MOTTAK':
    case 'EOS':
      return { permit: arrival, settlement: undefined };
  }
}

function countryFor(rng: Rng, stream: Stream, t: Tillatelse, year: number): string {
  if (t === 'KOLLEKTIV_34') return 'UKR';
  switch (stream) {
    case 'refugee': return weighted(rng, refugeeCountries(year));
    case 'familie_norsk': return weighted(rng, FAMILY_NORSK_COUNTRIES);
    case 'work': return weighted(rng, WORK_COUNTRIES);
    case 'eos': return weighted(rng, EOS_COUNTRIES);
    case 'mottak': return weighted(rng, MOTTAK_COUNTRIES);
  }
}

function permitFor(rng: Rng, stream: Stream, year: number): Tillatelse {
  switch (stream) {
    case 'refugee':
      return rng.chance(UKRAINE_SHARE[year] ?? 0) ? 'KOLLEKTIV_34' : weighted(rng, REFUGEE_PERMITS);
    case 'familie_norsk': return 'FAMILIE_NORSK';
    case 'work': return weighted(rng, WORK_PERMITS);
    case 'mottak': return 'ASYLSOKER_MOTTAK';
    case 'eos': return 'EOS';
  }
}

/** Exponential waiting time in days for a yearly hazard. */
const waitDays = (rng: Rng, hazard: number): number => Math.floor((-Math.log(1 - rng.next()) / hazard) * 365.25);

export function drawPerson(index: number, rng: Rng, munis: MunicipalityModel): Person {
  const cell = CELLS[drawCell(rng)] as (typeof CELLS)[number];
  let stream = cell.stream;
  const year = cell.year;
  let tillatelse = permitFor(rng, stream, year);
  const ukraine = tillatelse === 'KOLLEKTIV_34';
  const land = countryFor(rng, stream, tillatelse, year);
  const arrival = dayOf(year, 1, 1) + rng.int(0, 364);
  let { permit, settlement } = timeline(rng, tillatelse, arrival, year);
  // Arrived late in 2025 and not yet granted a permit: still an asylum seeker in reception.
  if (permit > DATA_END) {
    tillatelse = 'ASYLSOKER_MOTTAK';
    stream = 'mottak';
    permit = arrival;
    settlement = undefined;
  }
  if (settlement !== undefined && settlement > DATA_END) settlement = undefined;
  const woman = rng.chance(womanShare(tillatelse));
  const band = ageBands(stream, ukraine);
  const [lo, hi] = band[indexSampler(band.map((b) => b[2]))(rng)] as readonly [number, number, number];
  const ageYears = rng.int(lo, hi);
  const birth = addMonths(arrival, -12 * ageYears - rng.int(0, 11));
  const education = weighted(rng, educationMix(land, stream));
  const kommune = stream === 'refugee' || stream === 'mottak' ? munis.drawSettlement(rng, ukraine) : munis.drawUrban(rng);
  const childP = ageYears < 25 ? 0.25 : ageYears < 46 ? (woman ? 0.7 : 0.55) : 0.3;
  const children = rng.chance(childP);

  const tEmig = arrival + 30 + waitDays(rng, emigrationHazard(stream, ukraine));
  const deathHazard = 0.0006 * Math.exp(0.085 * (ageYears - 30));
  const tDeath = arrival + 30 + waitDays(rng, deathHazard);
  // A person in reception who is still not settled has no settlement; one who leaves before
  // settlement is recorded without one (they never reached a municipality).
  const firstExit = Math.min(tEmig, tDeath);
  const emigrated = tEmig <= tDeath && tEmig <= DATA_END ? tEmig : undefined;
  const died = tDeath < tEmig && tDeath <= DATA_END ? tDeath : undefined;
  if (settlement !== undefined && firstExit <= settlement) settlement = undefined;
  const exit = Math.min(firstExit, DATA_END + 1);

  return {
    id: 'P' + (index + 1).toString().padStart(7, '0'),
    stream,
    tillatelse,
    innvandringskategori: kategoriOf(tillatelse),
    land,
    woman,
    birth,
    arrival,
    permit,
    settlement,
    kommune,
    education,
    children,
    emigrated,
    died,
    exit,
    newAct: permit >= NEW_ACT_FROM,
    codeR: rng.next(),
    frailty: 0.9 * rng.normal(),
    aptitude: 0.6 * rng.normal(),
  };
}

const INTRO_PERMITS: ReadonlySet<Tillatelse> = new Set([
  'ASYL_28', 'KOLLEKTIV_34', 'OVERFORING_35', 'HUMANITAER_38', 'BARNEFAMILIE_38_5', 'FAMILIE_FLYKTNING', 'FAMILIE_SELVSTENDIG_53',
]);

/** Target group at a decision date (law-rules §2: intro 18–55, Norwegian right and duty 18–67). */
export function targetGroup(p: Person, at: number): Maalgruppe {
  const age = ageAt(p.birth, at);
  if (INTRO_PERMITS.has(p.tillatelse)) return age >= 18 && age <= 55 ? 'intro' : age <= 67 ? 'norsk_rett_plikt' : 'utenfor';
  switch (p.tillatelse) {
    case 'FAMILIE_NORSK': return age >= 18 && age <= 67 ? 'norsk_rett_plikt' : 'utenfor';
    case 'ARBEID_23': case 'NAERING_25': case 'FAMILIE_ARBEID': return age >= 18 && age <= 67 ? 'norsk_plikt' : 'utenfor';
    case 'ASYLSOKER_MOTTAK': return age >= 18 ? 'asylsoker' : 'utenfor';
    default: return 'utenfor';
  }
}

/** The personer row (data contract column order). */
export function personRow(p: Person, iso: (d: number) => string, codeAt: (p: Person, d: number) => string): string[] {
  const opt = (d: number | undefined) => (d === undefined ? '' : iso(d));
  const birth = iso(p.birth).slice(0, 7);
  return [
    p.id, birth, p.woman ? '2' : '1', p.land, p.tillatelse, p.innvandringskategori, iso(p.permit), iso(p.arrival),
    opt(p.settlement), codeAt(p, p.settlement ?? p.arrival), p.education, String(p.children), opt(p.emigrated), opt(p.died),
  ];
}
