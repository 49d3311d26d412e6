/**
 * Calendar helpers used by the rules. Pure, on ISO strings, no time zones involved.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Throws a TypeError unless `d` is a real calendar date YYYY-MM-DD. */
export function assertIsoDate(d: string): void {
  parseDate(d);
}

/** [year, month 1–12, day] of an ISO date; throws on malformed or impossible dates. */
export function parseDate(d: string): [number, number, number] {
  const m = ISO_DATE.exec(d);
  if (!m) throw new TypeError(`not a YYYY-MM-DD date: "${d}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const day = Number(m[3]);
  if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo)) {
    throw new TypeError(`not a calendar date: "${d}"`);
  }
  return [y, mo, day];
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month: number): number {
  if (month === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function formatDate(y: number, month: number, day: number): string {
  return `${pad(y, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Adds calendar months, clamping the day to the end of the target month — the same as DuckDB's
 * `date + INTERVAL n MONTH` (so SQL and TS agree on deadlines).
 * @example addMonths('2021-03-15', 3) === '2021-06-15'; addMonths('2021-11-30', 3) === '2022-02-28'
 */
export function addMonths(isoDate: string, months: number): string {
  if (!Number.isInteger(months)) throw new TypeError(`months must be an integer, got ${months}`);
  const [y, mo, d] = parseDate(isoDate);
  const total = y * 12 + (mo - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return formatDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * Birth date from the register's birth month. The data contract carries only the birth month
 * (`fodt` YYYY-MM, for privacy); we place the birth on the 1st of that month. Then everybody born
 * in the same month changes age on the same day, results never depend on an unknown day, and the
 * error is at most one month, always towards the older age (a person is never counted as younger
 * than they can be). A full date YYYY-MM-DD is used as given.
 */
export function birthDate(fodt: string): string {
  const m = ISO_MONTH.exec(fodt);
  if (m) {
    const date = `${fodt}-01`;
    assertIsoDate(date);
    return date;
  }
  assertIsoDate(fodt);
  return fodt;
}

/**
 * Age in completed years on `date`. A person born 29 February turns a year older on 1 March in
 * years without 29 February.
 * @example ageAt('1970-05', '2025-04-30') === 54; ageAt('1970-05', '2025-05-01') === 55
 */
export function ageAt(fodt: string, date: string): number {
  const [by, bm, bd] = parseDate(birthDate(fodt));
  const [y, m, d] = parseDate(date);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
