/**
 * Dates as integer day numbers (days since 1970-01-01, UTC) with cached ISO formatting:
 * the generator writes millions of dates, so formatting is a table look-up.
 */
const MS_PER_DAY = 86_400_000;
const FIRST = dayOf(1900, 1, 1);
const LAST = dayOf(2060, 12, 31);
const isoCache: string[] = [];

export function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function parseIso(s: string): number {
  const [y, m, d] = s.split('-').map(Number);
  return dayOf(y as number, m as number, d as number);
}

/** YYYY-MM-DD. */
export function iso(day: number): string {
  const i = day - FIRST;
  if (i >= 0 && day <= LAST) {
    const hit = isoCache[i];
    if (hit !== undefined) return hit;
    const s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache[i] = s;
    return s;
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();

/** Adds calendar months (clamping the day to the month's end), as the law counts programme time. */
export function addMonths(day: number, months: number): number {
  const dt = new Date(day * MS_PER_DAY);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + months;
  const d = dt.getUTCDate();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m, Math.min(d, lastDay)) / MS_PER_DAY);
}

/** Month index (year*12 + month0) of a day, and its YYYY-MM label. */
export const monthIndex = (day: number): number => {
  const dt = new Date(day * MS_PER_DAY);
  return dt.getUTCFullYear() * 12 + dt.getUTCMonth();
};
export const monthLabel = (mi: number): string =>
  `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
export const monthStart = (mi: number): number => dayOf(Math.floor(mi / 12), (mi % 12) + 1, 1);

/** Age in whole years at a day, from a birth day. */
export function ageAt(birth: number, day: number): number {
  const b = new Date(birth * MS_PER_DAY);
  const t = new Date(day * MS_PER_DAY);
  let age = t.getUTCFullYear() - b.getUTCFullYear();
  if (t.getUTCMonth() < b.getUTCMonth() || (t.getUTCMonth() === b.getUTCMonth() && t.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** The generated period: arrivals 2012–2025, register status up to the end of 2025. */
export const FIRST_YEAR = 2012;
export const LAST_YEAR = 2025;
export const DATA_END = dayOf(LAST_YEAR, 12, 31);
/** Integration Act applies to first permits from this date (law-rules §1). */
export const NEW_ACT_FROM = dayOf(2021, 1, 1);
