/**
 * The statistics step: turns the wide aggregate rows of one indicator into result rows, one per
 * measure and cell, with value, 95 % interval (Wilson for shares, t for means, none for medians),
 * missing count and status. Pure and vectorised over plain rows.
 */
import type { Gruppe, KjonnDim, Lovregime, Regionniva, ResultRow } from '../contract/results.ts';
import type { Row } from '../store/index.ts';
import { round1, tInterval, wilson } from '../stats/index.ts';
import type { CompiledIndicator } from './compile.ts';

/** GROUPING() flags arrive as BIGINT (JSON text); compare as numbers. */
const flag = (r: Row, col: string): number => Number(r[col]);

const PUBLISHED_GROUPS = new Set(['under_25', 'har_vgo', 'ovrige', 'intro', 'norsk_rett_plikt', 'norsk_plikt']);

/** The gruppe of a grouping-set row, or null when the row is not a published group. */
export function gruppeOf(r: Row): Gruppe | null {
  if (flag(r, 'gr_g1') === 1) return 'alle';
  const g = flag(r, 'gr_g2') === 1 ? r['g1'] : r['g2'];
  if (flag(r, 'gr_g2') === 0 && r['g1'] !== 'intro') return null; // subgroups exist only for intro
  return typeof g === 'string' && PUBLISHED_GROUPS.has(g) ? (g as Gruppe) : null;
}

function regionOf(r: Row): { regionniva: Regionniva; region: string } {
  if (flag(r, 'gr_fylke') === 1) return { regionniva: 'land', region: '0' };
  if (flag(r, 'gr_kommune') === 1) return { regionniva: 'fylke', region: String(r['fylke']) };
  return { regionniva: 'kommune', region: String(r['kommune']) };
}

const tFactor = new Map<number, number>();
/** Half-width of the 95 % t interval for sd = 1 (cached by n; the quantile is the expensive part). */
function tHalfWidth(n: number): number {
  let h = tFactor.get(n);
  if (h === undefined) {
    h = tInterval(0, 1, n).upper;
    tFactor.set(n, h);
  }
  return h;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(v ?? 0));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
const r1 = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : round1(x));

type Cell = Pick<ResultRow, 'periode' | 'botid' | 'lovregime' | 'regionniva' | 'region' | 'gruppe' | 'kjonn'>;

/** One result row as a literal with a fixed key order (one hidden class: fast and compact). */
function makeRow(
  ci: CompiledIndicator, c: Cell, maal: string,
  teller: number | null, nevner: number | null, verdi: number | null,
  lo: number | null, hi: number | null, mangler: number, status: '' | '..',
): ResultRow {
  return {
    indikator: ci.def.id, maal, ledd: ci.def.ledd, kohort: ci.cohort, periode: c.periode, botid: c.botid,
    lovregime: c.lovregime, regionniva: c.regionniva, region: c.region, gruppe: c.gruppe, kjonn: c.kjonn,
    teller, nevner, verdi, ki_nedre: lo, ki_ovre: hi, mangler, status,
  };
}

/** Result rows of one compiled indicator from its aggregate rows. */
export function finalizeRows(ci: CompiledIndicator, rows: readonly Row[]): ResultRow[] {
  const out: ResultRow[] = [];
  const cols = ci.measures.map((m) => ({ m, tot: `${m.col}_tot`, n: `${m.col}_n`, s: `${m.col}_s`, sd: `${m.col}_sd` }));
  for (const r of rows) {
    const gruppe = gruppeOf(r);
    if (gruppe === null) continue;
    const reg = regionOf(r);
    const cell: Cell = {
      periode: num(r['periode']),
      botid: numOrNull(r['botid']),
      lovregime: (flag(r, 'gr_lovregime') === 1 ? 'alle' : r['lovregime']) as Lovregime,
      regionniva: reg.regionniva,
      region: reg.region,
      gruppe,
      kjonn: (flag(r, 'gr_kjonn') === 1 ? 'alle' : String(r['kjonn'])) as KjonnDim,
    };
    for (const c of cols) {
      const spec = c.m.spec;
      if (reg.regionniva === 'kommune' && spec.deepestRegion === 'fylke') continue;
      const tot = num(r[c.tot]);
      if (tot === 0) continue; // cells with no persons are absent
      const n = num(r[c.n]);
      const mangler = tot - n;
      if (n === 0) {
        out.push(makeRow(ci, cell, spec.kode, null, 0, null, null, null, mangler, '..'));
        continue;
      }
      const s = num(r[c.s]);
      if (spec.kind === 'share') {
        const ci95 = wilson(s, n);
        out.push(makeRow(ci, cell, spec.kode, s, n, r1((100 * s) / n), r1(ci95.lower), r1(ci95.upper), mangler, ''));
      } else if (spec.kind === 'mean') {
        const sd = numOrNull(r[c.sd]);
        const half = sd !== null && n >= 2 ? sd * tHalfWidth(n) : null;
        out.push(makeRow(ci, cell, spec.kode, null, n, r1(s), half === null ? null : r1(s - half), half === null ? null : r1(s + half), mangler, ''));
      } else {
        out.push(makeRow(ci, cell, spec.kode, null, n, r1(s), null, null, mangler, ''));
      }
    }
  }
  return out;
}
