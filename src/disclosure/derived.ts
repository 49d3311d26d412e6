/**
 * Derived measures (catalogue `derivedFrom`, e.g. R3 `gap_befolkning` = the share − a published
 * reference rate) reveal the measure they come from, and their values do not add up along any
 * line. So they take no part in secondary suppression: each is suppressed exactly where its
 * source cell is suppressed (or missing).
 */
import { periodeKey, type ResultRow } from '../contract/results.ts';
import type { MeasureLookup } from './measure-kind.ts';

const cellKey = (r: ResultRow, maal: string): string =>
  [r.indikator, maal, r.kohort, periodeKey(r), r.botid ?? '', r.lovregime, r.region, r.gruppe, r.kjonn].join('\u0000');

/** True for rows of a derived measure (cheap for indicators without one: no key is built). */
export function isDerived(r: ResultRow, lookup: MeasureLookup): boolean {
  return lookup.hasDerived(r.indikator) && (lookup.info(r).derivedFrom ?? null) !== null;
}

/**
 * Derived rows to hide, given the hidden source rows: `withheld` for a source in `withheld` (a
 * withheld split), else `suppressed` (a source suppressed, missing or not published).
 */
export function derivedToSuppress(
  rows: readonly ResultRow[], lookup: MeasureLookup, suppressed: ReadonlySet<number>, withheld: ReadonlySet<number> = new Set(),
): { suppressed: number[]; withheld: number[] } {
  const out = { suppressed: [] as number[], withheld: [] as number[] };
  const derived: [number, string][] = [];
  const withDerived = new Set<string>();
  rows.forEach((r, i) => {
    if (!lookup.hasDerived(r.indikator)) return;
    withDerived.add(r.indikator);
    const from = lookup.info(r).derivedFrom ?? null;
    if (from !== null && (r.status === '' || r.status === ':')) derived.push([i, cellKey(r, from)]);
  });
  if (derived.length === 0) return out;
  const wanted = new Set(derived.map(([, k]) => k));
  const source = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!withDerived.has(r.indikator)) return;
    const k = cellKey(r, r.maal);
    if (wanted.has(k)) source.set(k, i);
  });
  for (const [i, k] of derived) {
    const s = source.get(k);
    if (s !== undefined && withheld.has(s)) out.withheld.push(i);
    else if (s === undefined || suppressed.has(s) || rows[s]!.status !== '') out.suppressed.push(i);
  }
  return out;
}
