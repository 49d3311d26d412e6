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

/** Derived rows to suppress, given the suppressed source rows. */
export function derivedToSuppress(rows: readonly ResultRow[], lookup: MeasureLookup, suppressed: ReadonlySet<number>): number[] {
  const derived: [number, string][] = [];
  const withDerived = new Set<string>();
  rows.forEach((r, i) => {
    if (!lookup.hasDerived(r.indikator)) return;
    withDerived.add(r.indikator);
    const from = lookup.info(r).derivedFrom ?? null;
    if (from !== null && (r.status === '' || r.status === ':')) derived.push([i, cellKey(r, from)]);
  });
  if (derived.length === 0) return [];
  const wanted = new Set(derived.map(([, k]) => k));
  const source = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!withDerived.has(r.indikator)) return;
    const k = cellKey(r, r.maal);
    if (wanted.has(k)) source.set(k, i);
  });
  return derived.filter(([, k]) => {
    const s = source.get(k);
    return s === undefined || suppressed.has(s) || rows[s]!.status !== '';
  }).map(([i]) => i);
}
