/** Result rows → chart points: value, 95 % interval band and a table text with n. */
import type { Unit } from '../../../catalogue/types.ts';
import type { ResultRow } from '../../../contract/results.ts';
import type { Lang } from '../i18n.ts';
import { count, num, unitTitle } from '../format.ts';
import { cellText, isPublished, seriesBy, type Key } from '../select.ts';
import type { Point } from './line-chart.tsx';

/** "54,2 % (n = 120)" or the status symbol. */
export function valueWithN(lang: Lang, row: ResultRow | undefined, unit: Unit): string {
  const text = cellText(lang, row, unit);
  return isPublished(row) && row.nevner !== null ? `${text} (n = ${count(lang, row.nevner)})` : text;
}

export function pointOf(lang: Lang, x: number, row: ResultRow, unit: Unit): Point {
  const shown = isPublished(row);
  return { x, y: shown ? row.verdi : null, text: valueWithN(lang, row, unit), lo: shown ? row.ki_nedre : null, hi: shown ? row.ki_ovre : null };
}

/** Points of the rows matching `key`, by period or years since settlement. */
export function pointsBy(lang: Lang, rows: readonly ResultRow[], key: Key, by: 'periode' | 'botid', unit: Unit): Point[] {
  return seriesBy(rows, key, by).map((s) => pointOf(lang, s.x, s.row, unit));
}

/** The tick formatter and axis title for a unit. */
export function axisFor(lang: Lang, unit: Unit): { formatTick: (v: number, d: number) => string; yLabel: string } {
  return { formatTick: (v, d) => num(lang, v, d), yLabel: unitTitle(lang, unit) };
}
