/**
 * Pure helpers that pick what a page shows out of result rows: the headline measure, the total
 * group, a time series, the latest cell. No I/O, so they are tested on hand-made rows.
 */
import type { IndicatorMeta, MeasureMeta, Unit } from '../../catalogue/types.ts';
import type { Gruppe, Lovregime, ResultRow } from '../../contract/results.ts';
import type { Lang } from './i18n.ts';
import { statusText, withUnit } from './format.ts';

export type Key = Partial<Pick<ResultRow, 'maal' | 'gruppe' | 'lovregime' | 'regionniva' | 'region' | 'kjonn' | 'periode' | 'botid' | 'vindu'>>;

/** The pooled window length of a row (1 = a single year). */
export const windowOf = (row: { readonly vindu?: number }): number => row.vindu ?? 1;
export const isPooled = (row: { readonly vindu?: number }): boolean => windowOf(row) > 1;

/**
 * True when the row has every value in the key. A key without `vindu` matches single years only,
 * so a pooled row (periode = its window's last year) never stands in for that year.
 */
export function matches(row: ResultRow, key: Key): boolean {
  // A plain loop over the key's own fields: called for every row of a page, many times over.
  for (const k in key) {
    if (k === 'vindu') continue;
    const v = key[k as keyof Key];
    if (v !== undefined && row[k as keyof Key] !== v) return false;
  }
  return windowOf(row) === (key.vindu ?? 1);
}

/** The measure's metadata; family codes like 'hoved:*' match 'hoved:arbeid'. */
export function measureMeta(meta: IndicatorMeta, kode: string): MeasureMeta | undefined {
  return meta.maal.find((m) => m.kode === kode) ?? meta.maal.find((m) => m.kode.endsWith('*') && kode.startsWith(m.kode.slice(0, -1)));
}

export function unitOf(meta: IndicatorMeta, kode: string): Unit {
  return measureMeta(meta, kode)?.enhet ?? 'prosent';
}

/** The measures present in the rows, in catalogue order (unknown codes last, sorted). */
export function measuresIn(meta: IndicatorMeta, rows: readonly Pick<ResultRow, 'maal'>[]): string[] {
  const present = [...new Set(rows.map((r) => r.maal))];
  const rank = (code: string): number => {
    const i = meta.maal.findIndex((m) => m.kode === code || (m.kode.endsWith('*') && code.startsWith(m.kode.slice(0, -1))));
    return i < 0 ? meta.maal.length : i;
  };
  return present.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The first catalogue measure that has data: the one the front page and profiles show. */
export function headlineMeasure(meta: IndicatorMeta, rows: readonly Pick<ResultRow, 'maal'>[]): string | undefined {
  return measuresIn(meta, rows)[0];
}

/**
 * The "everyone" group for an indicator: 'intro' for intro-participant indicators, else 'alle',
 * else whatever group the rows have.
 */
export function totalGroup(rows: readonly Pick<ResultRow, 'gruppe'>[]): Gruppe {
  const groups = new Set(rows.map((r) => r.gruppe));
  for (const g of ['intro', 'alle'] as const) if (groups.has(g)) return g;
  return rows[0]?.gruppe ?? 'alle';
}

/**
 * Link 3 is measured by years since settlement; the headline uses two years after settlement
 * where the data reaches that far (an early, still well-filled point), else the earliest year.
 */
export function headlineBotid(rows: readonly Pick<ResultRow, 'botid'>[]): number | null {
  const b = [...new Set(rows.flatMap((r) => (r.botid === null ? [] : [r.botid])))].sort((x, y) => x - y);
  if (b.length === 0) return null;
  return b.includes(2) ? 2 : b[0]!;
}

/** Single years present in the rows (pooled windows left out). */
export function periods(rows: readonly ResultRow[]): number[] {
  return [...new Set(rows.filter((r) => !isPooled(r)).map((r) => r.periode))].sort((a, b) => a - b);
}

/** A published value (status '' and a number). */
export const isPublished = (row: ResultRow | undefined): row is ResultRow & { verdi: number } => !!row && row.status === '' && row.verdi !== null;

/** The row with the latest period among those matching (published or not). */
export function latest(rows: readonly ResultRow[], key: Key): ResultRow | undefined {
  let best: ResultRow | undefined;
  for (const r of rows) if (matches(r, key) && (!best || r.periode > best.periode)) best = r;
  return best;
}

/** The latest period with a published value, else the latest period at all. */
export function latestPublished(rows: readonly ResultRow[], key: Key): ResultRow | undefined {
  return latest(rows.filter((r) => isPublished(r)), key) ?? latest(rows, key);
}

export function find(rows: readonly ResultRow[], key: Key): ResultRow | undefined {
  return rows.find((r) => matches(r, key));
}

/** A value with its unit, or SSB's status symbol; '..' when there is no row at all. */
export function cellText(lang: Lang, row: ResultRow | undefined, unit: Unit): string {
  if (!row) return '..';
  if (row.status === '' && row.verdi !== null) return withUnit(lang, row.verdi, unit);
  return row.status || '..';
}

/** Explanation of a cell's status symbol, or undefined for a published value. */
export function cellNote(lang: Lang, row: ResultRow | undefined): string | undefined {
  if (!row) return statusText(lang, '..');
  if (row.status === '') return row.verdi === null ? statusText(lang, '..') : undefined;
  return statusText(lang, row.status);
}

export interface SeriesPoint {
  readonly x: number;
  readonly row: ResultRow;
}

/** Rows matching `key`, ordered by `by` (period or years since settlement). */
export function seriesBy(rows: readonly ResultRow[], key: Key, by: 'periode' | 'botid'): SeriesPoint[] {
  return rows
    .filter((r) => matches(r, key) && r[by] !== null)
    .map((r) => ({ x: r[by] as number, row: r }))
    .sort((a, b) => a.x - b.x);
}

/** Regimes that occur in the rows, old act first. */
export function regimesIn(rows: readonly ResultRow[]): Lovregime[] {
  const order: Lovregime[] = ['introduksjonsloven', 'integreringsloven', 'alle'];
  const have = new Set(rows.map((r) => r.lovregime));
  return order.filter((r) => have.has(r));
}

/**
 * Old act vs new act like for like: the latest single year in which both regimes have a published
 * figure for the same key (same measure, group, follow-up), or null. Never two different years.
 */
export function sameYearRegimes(rows: readonly ResultRow[], key: Key): { periode: number; old: ResultRow; neu: ResultRow } | null {
  const old = new Map<number, ResultRow>();
  for (const r of rows) if (isPublished(r) && matches(r, { ...key, lovregime: 'introduksjonsloven' })) old.set(r.periode, r);
  let best: { periode: number; old: ResultRow; neu: ResultRow } | null = null;
  for (const r of rows) {
    if (!isPublished(r) || !matches(r, { ...key, lovregime: 'integreringsloven' })) continue;
    const o = old.get(r.periode);
    if (o && (!best || r.periode > best.periode)) best = { periode: r.periode, old: o, neu: r };
  }
  return best;
}
