/**
 * Municipality-level tables: kommune_aar (every municipality valid in a year × year),
 * nasjonalt_aar, brukerundersokelse and kommuneendringer, plus the truth file of planted effects.
 * Municipality figures are written in the 2024 structure for every year (as SSB republishes
 * time series in today's structure): ingest harmonises codes before its duplicate check, so
 * figures under several old codes of one merged municipality would collide.
 */
import { FIRST_YEAR, LAST_YEAR, iso } from './dates.ts';
import { describeEffect, NATIONAL_UNEMPLOYMENT, type Municipality, type MunicipalityModel } from './municipalities.ts';
import { logistic, type Rng } from './prng.ts';
import type { CodeChange } from './refdata.ts';
import type { CsvFile } from './writer.ts';
import { parseIso } from './dates.ts';

const round1 = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Survey questions (IMDi's user survey, aggregated): base log-odds of a positive answer. */
const QUESTIONS: Readonly<Record<string, number>> = {
  fornoyd_med_programmet: 1.4,
  laerer_norsk: 1.1,
  forberedt_paa_arbeid: 0.3,
  medvirket_i_planen: 0.6,
  // Softer outcomes (R10, section 5.3): trust and belonging.
  tillit_til_andre: 0.9,
  tilhorighet_i_kommunen: 0.5,
};

export interface MunicipalityTablesInput {
  readonly rng: Rng;
  readonly munis: MunicipalityModel;
  readonly participants: ReadonlyMap<string, number>;
  g(year: number): number;
}

const key = (code: string, year: number): string => `${code}|${year}`;

/** The municipalities of the 2024 structure, by code. */
function structure(input: MunicipalityTablesInput): [string, Municipality][] {
  return [...input.munis.list].sort((a, b) => a.code.localeCompare(b.code)).map((m) => [m.code, m]);
}

export function writeKommuneAar(out: CsvFile, input: MunicipalityTablesInput): void {
  const { rng, munis } = input;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (const [code, m] of structure(input)) {
      const unemp = munis.unemployment(m, y) * Math.exp(0.05 * rng.normal());
      const n = input.participants.get(key(code, y)) ?? 0;
      const teachers = n > 0 ? Math.max(1, Math.round((n / 14) * Math.exp(0.2 * rng.normal()))) : 0;
      // The 30-credit competence requirement was phased in: the qualified share grows over time.
      const qualified = Math.round(teachers * clamp(0.35 + 0.035 * (y - FIRST_YEAR) + 0.1 * rng.normal(), 0.1, 1));
      out.row([
        code, String(y), round1(unemp), round1(clamp(unemp * 2.6 * Math.exp(0.15 * rng.normal()), 0, 60)), String(m.centrality),
        String(n > 0 ? Math.round(n * (1.9 * input.g(y) + 60_000) * Math.exp(0.15 * rng.normal())) : 0),
        String(teachers), String(qualified),
        round1(clamp(78 - 1.5 * (unemp - 2.5) + 3 * rng.normal(), 40, 95)),
        round1(clamp(76 - 2 * (unemp - 2.5) + 2.5 * rng.normal(), 40, 92)),
        // Residents aged 20–66 (about 60 % of the population): weights for county/country references.
        String(Math.round(m.population * 0.6)),
      ]);
    }
  }
}

export function writeNasjonaltAar(out: CsvFile): void {
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) out.row([String(y), round1(NATIONAL_UNEMPLOYMENT[y] ?? 2.5)]);
}

/** Aggregated user survey from 2021 (new act) where at least 3 took part (disclosure control comes later). */
export function writeBrukerundersokelse(out: CsvFile, input: MunicipalityTablesInput): void {
  const { rng } = input;
  for (let y = 2021; y <= LAST_YEAR; y++) {
    for (const [code, m] of structure(input)) {
      const n = input.participants.get(key(code, y)) ?? 0;
      if (n < 3) continue;
      for (const [q, base] of Object.entries(QUESTIONS)) {
        const answers = Math.max(1, Math.round(n * (0.3 + 0.3 * rng.next())));
        const share = 100 * logistic(base + 0.8 * m.effect + 0.2 * rng.normal());
        out.row([code, String(y), q, round1(share), String(answers)]);
      }
    }
  }
}

/** The shipped change table in contract form; splits get an equal share per successor (approximate). */
export function writeKommuneendringer(out: CsvFile, changes: readonly CodeChange[]): void {
  const successors = new Map<string, number>();
  for (const c of changes) successors.set(`${c.date}|${c.oldCode}`, (successors.get(`${c.date}|${c.oldCode}`) ?? 0) + 1);
  for (const c of changes) {
    const n = successors.get(`${c.date}|${c.oldCode}`) ?? 1;
    out.row([c.oldCode, c.newCode, iso(parseIso(c.date)), n > 1 ? (1 / n).toFixed(3) : '']);
  }
}

/** The truth file: the planted municipality effects (outside the contract tables). */
export function writeTruth(out: CsvFile, munis: MunicipalityModel): void {
  for (const m of munis.list) out.row([m.code, m.effect.toFixed(4), describeEffect(m.effect)]);
}
