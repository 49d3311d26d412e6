/**
 * Distributions of the person model, as data. Sources: data/refdata/magnitudes.csv and its
 * README (settled refugees per year, Ukraine's share from 2022, country mix by period).
 */
import type { Stream, Tillatelse, Utdanning } from './types.ts';

/** Relative arrivals per year by stream. Refugees follow IMDi's settled counts shifted to arrival
 * (2015 asylum peak settled in 2016; 31 300 in 2022, > 33 000 in 2023 mostly from Ukraine). */
export const ARRIVALS: Readonly<Record<Stream, readonly number[]>> = {
  // 2012 … 2025
  refugee: [6, 6.5, 8, 16, 9, 6, 5, 5, 3.5, 5, 33, 32, 22, 16],
  familie_norsk: [4, 4, 4, 4, 4, 4, 4, 4, 3, 3.5, 4, 4, 4, 4],
  work: [3, 3, 3, 3, 3, 3, 3, 3, 2.2, 2.6, 3, 3, 3, 3],
  mottak: [0.2, 0.2, 0.2, 0.6, 0.2, 0.2, 0.2, 0.2, 0.2, 0.4, 0.8, 1.2, 1.5, 2],
  eos: [1.8, 1.8, 1.6, 1.5, 1.4, 1.4, 1.4, 1.4, 1.1, 1.3, 1.5, 1.5, 1.5, 1.5],
};

/** Share of refugee arrivals from Ukraine with collective protection (§34), 2022–2025
 * (IMDi/SSB: e.g. 24 200 of 34 600 intro participants in 2024 were Ukrainians). */
export const UKRAINE_SHARE: Readonly<Record<number, number>> = { 2022: 0.88, 2023: 0.86, 2024: 0.78, 2025: 0.7 };

/** Permit basis of other refugee arrivals. */
export const REFUGEE_PERMITS = {
  ASYL_28: 44, OVERFORING_35: 18, FAMILIE_FLYKTNING: 26, HUMANITAER_38: 5, BARNEFAMILIE_38_5: 2, FAMILIE_SELVSTENDIG_53: 5,
} as const satisfies Partial<Record<Tillatelse, number>>;

export const WORK_PERMITS = { ARBEID_23: 60, NAERING_25: 8, FAMILIE_ARBEID: 32 } as const satisfies Partial<Record<Tillatelse, number>>;

/** Country mix of non-Ukrainian refugees by period (IMDi annual settlement reports). */
export function refugeeCountries(year: number): Readonly<Record<string, number>> {
  if (year <= 2014) return { SOM: 25, ERI: 25, AFG: 15, SYR: 15, IRQ: 8, COD: 5, ETH: 4, IRN: 3 };
  if (year <= 2017) return { SYR: 50, ERI: 20, AFG: 12, IRQ: 6, SOM: 4, COD: 3, IRN: 3, ETH: 2 };
  if (year <= 2021) return { SYR: 45, COD: 15, ERI: 15, AFG: 10, SOM: 5, IRQ: 4, SDN: 3, IRN: 3 };
  return { SYR: 35, AFG: 25, ERI: 12, COD: 10, SOM: 6, TUR: 5, IRN: 4, SDN: 3 };
}

export const FAMILY_NORSK_COUNTRIES = { THA: 15, PHL: 15, RUS: 8, SOM: 6, ERI: 5, SYR: 6, PAK: 8, USA: 6, BRA: 6, CHN: 6, VNM: 6, IND: 7, TUR: 6 };
export const WORK_COUNTRIES = { IND: 25, PHL: 12, CHN: 10, USA: 8, UKR: 5, RUS: 5, SRB: 5, BIH: 5, BRA: 5, TUR: 5, IRN: 5, GBR: 10 };
export const EOS_COUNTRIES = { POL: 30, LTU: 20, SWE: 15, ROU: 8, DEU: 8, LVA: 6, ESP: 5, BGR: 4, ITA: 4 };
export const MOTTAK_COUNTRIES = { SYR: 25, AFG: 20, ERI: 15, TUR: 10, UKR: 10, SOM: 8, IRQ: 6, COL: 6 };

/** Education brought from abroad by country background (SSB's survey of refugees' education). */
export function educationMix(land: string, stream: Stream): Readonly<Record<Utdanning, number>> {
  if (stream === 'work') return { ingen: 1, grunnskole: 4, vgo: 25, hoyere: 65, ukjent: 5 };
  if (stream === 'eos') return { ingen: 1, grunnskole: 14, vgo: 45, hoyere: 30, ukjent: 10 };
  switch (land) {
    case 'UKR': return { ingen: 1, grunnskole: 6, vgo: 35, hoyere: 52, ukjent: 6 };
    case 'SYR': return { ingen: 10, grunnskole: 35, vgo: 23, hoyere: 20, ukjent: 12 };
    case 'ERI': return { ingen: 22, grunnskole: 45, vgo: 18, hoyere: 5, ukjent: 10 };
    case 'AFG': return { ingen: 35, grunnskole: 30, vgo: 15, hoyere: 10, ukjent: 10 };
    case 'SOM': return { ingen: 40, grunnskole: 33, vgo: 12, hoyere: 5, ukjent: 10 };
    case 'COD': return { ingen: 25, grunnskole: 40, vgo: 18, hoyere: 7, ukjent: 10 };
    case 'IRQ': case 'IRN': case 'TUR': return { ingen: 8, grunnskole: 30, vgo: 27, hoyere: 25, ukjent: 10 };
    default: return { ingen: 10, grunnskole: 30, vgo: 28, hoyere: 22, ukjent: 10 };
  }
}

/** Share of women among adults by permit (SSB: women are 58–62 % of Ukrainian adults;
 * family reunification is mostly women; asylum arrivals mostly men). */
export function womanShare(tillatelse: Tillatelse): number {
  switch (tillatelse) {
    case 'KOLLEKTIV_34': return 0.62;
    case 'FAMILIE_FLYKTNING': case 'FAMILIE_SELVSTENDIG_53': return 0.72;
    case 'FAMILIE_NORSK': return 0.74;
    case 'FAMILIE_ARBEID': return 0.7;
    case 'ARBEID_23': case 'NAERING_25': return 0.3;
    case 'OVERFORING_35': return 0.5;
    case 'EOS': return 0.38;
    default: return 0.32;
  }
}

/** Age at arrival (years) by stream: bands with weights. */
export function ageBands(stream: Stream, ukraine: boolean): readonly (readonly [number, number, number])[] {
  if (ukraine) return [[18, 24, 12], [25, 34, 25], [35, 44, 27], [45, 55, 22], [56, 70, 14]];
  if (stream === 'work' || stream === 'eos') return [[20, 24, 12], [25, 34, 45], [35, 44, 28], [45, 60, 15]];
  return [[18, 24, 26], [25, 34, 36], [35, 44, 20], [45, 55, 11], [56, 70, 7]];
}

export function kategoriOf(t: Tillatelse): string {
  switch (t) {
    case 'OVERFORING_35': return 'overforingsflyktning';
    case 'ASYL_28': case 'KOLLEKTIV_34': case 'HUMANITAER_38': case 'BARNEFAMILIE_38_5': case 'ASYLSOKER_MOTTAK': return 'asylsoker';
    case 'FAMILIE_FLYKTNING': case 'FAMILIE_SELVSTENDIG_53': case 'FAMILIE_NORSK': case 'FAMILIE_ARBEID': return 'familiegjenforent';
    case 'ARBEID_23': case 'NAERING_25': return 'arbeid';
    case 'EOS': return 'annet';
  }
}

/** Emigration hazard per year (Ukrainians and labour migrants leave more often). */
export function emigrationHazard(stream: Stream, ukraine: boolean): number {
  if (ukraine) return 0.035;
  switch (stream) {
    case 'refugee': return 0.008;
    case 'familie_norsk': return 0.015;
    case 'work': return 0.07;
    case 'eos': return 0.09;
    case 'mottak': return 0.2;
  }
}
