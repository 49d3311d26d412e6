/**
 * G (grunnbeløpet) by date and the average G of a year (§8). Pure.
 */
import { lookup } from './dated-table.ts';
import { formatDate } from './dates.ts';
import { G_TABLE } from './g-table.ts';
import { INTRO_BENEFIT_TABLE } from './tables/programme.ts';

/** G in force on `date` (changes every 1 May). Throws RuleNotInForceError outside the table. */
export function gOn(date: string): number {
  return lookup(G_TABLE, 'G', date);
}

/**
 * §8: the average G of a calendar year: the mean of the G in force in each of its 12 months
 * (4 months of the previous year's G, 8 of this year's). Not rounded (NAV publishes it rounded to
 * whole kroner). @example averageG(2019) ≈ 98 866.33 = (4 × 96 883 + 8 × 99 858) / 12
 */
export function averageG(year: number): number {
  if (!Number.isInteger(year)) throw new TypeError(`year must be an integer, got ${year}`);
  let sum = 0;
  for (let month = 1; month <= 12; month++) sum += gOn(formatDate(year, month, 1));
  return sum / 12;
}

/** Introduction benefit a year in G (§8): 2G, two thirds of that under 25. */
export function introBenefitG(age: number, date: string): number {
  return lookup(INTRO_BENEFIT_TABLE, age < 25 ? 'under_25' : 'fra_25', date);
}
