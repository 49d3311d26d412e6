/**
 * The municipality model: realistic sizes (many small, a few large cities), centrality,
 * local unemployment, and the planted random effect on employment log-odds that the truth
 * file records (docs/synthetic-data.md, "The truth file").
 */
import { indexSampler, type Rng } from './prng.ts';
import type { Kommune } from './refdata.ts';
import { FIRST_YEAR, LAST_YEAR } from './dates.ts';

/** Approximate 2024 populations of the largest municipalities (SSB, rounded). */
const KNOWN_POPULATION: Readonly<Record<string, number>> = {
  '0301': 717_000, '4601': 291_000, '5001': 214_000, '1103': 149_000, '3201': 130_000,
  '4204': 116_000, '3301': 104_000, '3203': 98_000, '3205': 94_000, '3107': 85_000,
  '1108': 83_000, '5501': 78_000, '3907': 65_000, '3207': 61_000, '3105': 59_000,
  '1508': 58_000, '3905': 58_000, '4003': 55_000, '1804': 53_000, '3103': 51_000,
  '3909': 48_000, '3222': 47_000, '4203': 46_000, '3118': 46_000, '1106': 38_000,
  '3411': 35_000, '3403': 32_000, '1506': 32_000, '3407': 31_000, '3405': 29_000,
  '3303': 28_000, '4001': 37_000, '3901': 28_000, '3212': 20_000, '1505': 24_000,
};

/** Registered unemployment, whole country, % (NAV annual averages, rounded). */
export const NATIONAL_UNEMPLOYMENT: Readonly<Record<number, number>> = {
  2012: 2.5, 2013: 2.6, 2014: 2.7, 2015: 2.9, 2016: 3.0, 2017: 2.7, 2018: 2.4,
  2019: 2.2, 2020: 5.0, 2021: 3.1, 2022: 1.8, 2023: 1.8, 2024: 2.0, 2025: 2.1,
};

export interface Municipality {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly centrality: number;
  /** Multiplier on national unemployment (local labour market). */
  readonly unemploymentFactor: number;
  /** Planted random effect on the log-odds of employment / work-or-education. */
  readonly effect: number;
  /** Planted effect on language progress (partly shared with the employment effect). */
  readonly languageEffect: number;
}

export interface MunicipalityModel {
  readonly list: readonly Municipality[];
  /** Draws a settlement municipality (refugees are spread widely by IMDi). */
  drawSettlement(rng: Rng, ukraine: boolean): Municipality;
  /** Draws a residence municipality for labour and family migrants (more urban). */
  drawUrban(rng: Rng): Municipality;
  unemployment(m: Municipality, year: number): number;
}

function centralityOf(pop: number, rng: Rng): number {
  const base = pop > 500_000 ? 1 : pop > 100_000 ? 2 : pop > 40_000 ? 3 : pop > 15_000 ? 4 : pop > 5_000 ? 5 : 6;
  const jitter = base > 1 && rng.chance(0.2) ? (rng.chance(0.5) ? -1 : 1) : 0;
  return Math.min(6, Math.max(1, base + jitter));
}

/** SD of the planted municipality effect on employment log-odds. */
export const EFFECT_SD = 0.4;

/** `effects: false` plants no municipality effects (all 0; the random stream is unchanged). */
export function buildMunicipalities(kommuner: readonly Kommune[], rng: Rng, effects = true): MunicipalityModel {
  const list: Municipality[] = kommuner.map((k, index) => {
    // Log-normal sizes: median ~5 000, many below 3 000, a few large (SSB's size distribution).
    const pop = KNOWN_POPULATION[k.code] ?? Math.round(Math.min(45_000, Math.max(200, Math.exp(8.55 + 1.0 * rng.normal()))));
    const effect = effects ? EFFECT_SD * rng.normal() : 0 * rng.normal();
    return {
      index,
      code: k.code,
      name: k.name,
      population: pop,
      centrality: centralityOf(pop, rng),
      unemploymentFactor: Math.exp(0.25 * rng.normal()),
      effect,
      languageEffect: effects ? 0.5 * effect + 0.25 * rng.normal() : 0 * rng.normal(),
    };
  });
  const refugee = indexSampler(list.map((m) => Math.pow(m.population, 0.85)));
  const ukraine = indexSampler(list.map((m) => Math.pow(m.population, 0.7)));
  const urban = indexSampler(list.map((m) => Math.pow(m.population, 1.15)));
  return {
    list,
    drawSettlement: (r, ukr) => list[(ukr ? ukraine : refugee)(r)] as Municipality,
    drawUrban: (r) => list[urban(r)] as Municipality,
    unemployment: (m, year) => {
      const y = Math.min(LAST_YEAR, Math.max(FIRST_YEAR, year));
      return (NATIONAL_UNEMPLOYMENT[y] ?? 2.5) * m.unemploymentFactor;
    },
  };
}

export function describeEffect(effect: number): string {
  if (effect > 0.3) return 'klart bedre enn forventet (planted positive effect)';
  if (effect > 0.1) return 'noe bedre enn forventet';
  if (effect < -0.3) return 'klart svakere enn forventet (planted negative effect)';
  if (effect < -0.1) return 'noe svakere enn forventet';
  return 'omtrent som forventet';
}
