/**
 * The statistics step: turns the wide aggregate rows of one indicator into result rows, one per
 * measure and cell, with value, 95 % interval (Wilson for shares, t for means, none for medians),
 * missing count and status. Pure and vectorised over plain rows.
 */
import type { KjonnDim, Lovregime, ResultRow } from '../contract/results.ts';
import type { Row, SqlValue } from '../store/index.ts';
import { round1, tInterval, wilson } from '../stats/index.ts';
import type { CompiledIndicator } from './compile.ts';
import { groupOfUnit } from '../contract/dimensions.ts';
import { measureKind } from '../catalogue/measure-kinds.ts';
import { assertNever } from '../shared/assert-never.ts';

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

type Cell = Pick<ResultRow, 'periode' | 'botid' | 'lovregime' | 'regionniva' | 'region' | 'gruppe' | 'kjonn'> & {
  /** Pooled window length (1 = a single year). */
  readonly vindu: number;
};

/** One result row as a literal with a fixed key order (one hidden class: fast and compact). */
function makeRow(
  ci: CompiledIndicator, c: Cell, maal: string,
  teller: number | null, nevner: number | null, verdi: number | null,
  lo: number | null, hi: number | null, mangler: number, status: '' | '..',
): ResultRow {
  const row: ResultRow = {
    indikator: ci.def.id, maal, ledd: ci.def.ledd, kohort: ci.cohort, periode: c.periode, botid: c.botid,
    lovregime: c.lovregime, regionniva: c.regionniva, region: c.region, gruppe: c.gruppe, kjonn: c.kjonn,
    teller, nevner, verdi, ki_nedre: lo, ki_ovre: hi, mangler, status,
  };
  // A pooled cell carries its window (`periode` is then the window's last year: periodeKey).
  return c.vindu > 1 ? { ...row, vindu: c.vindu } : row;
}

/** Aggregate rows as arrays (one value per column, in `names` order): no object per row. */
export interface Frame {
  readonly names: readonly string[];
  readonly rows: readonly (readonly SqlValue[])[];
}

/** Frame of plain row objects (all rows have the keys of the first). */
export function frameOf(rows: readonly Row[]): Frame {
  const names = rows.length ? Object.keys(rows[0]!) : [];
  return { names, rows: rows.map((o) => names.map((n) => o[n] ?? null)) };
}

interface Ix {
  readonly periode: number; readonly botid: number; readonly lovregime: number; readonly g1: number; readonly g2: number;
  readonly fylke: number; readonly kommune: number; readonly kjonn: number; readonly grLovregime: number; readonly grG1: number;
  readonly grG2: number; readonly grFylke: number; readonly grKommune: number; readonly grKjonn: number;
  /** Column of the pooled window length, or -1 when the query has no pools. */
  readonly vindu: number;
}

function indexes(names: readonly string[]): (col: string) => number {
  const map = new Map(names.map((n, i) => [n, i]));
  return (col) => {
    const i = map.get(col);
    if (i === undefined) throw new Error(`aggregate rows lack column ${col}`);
    return i;
  };
}

/** The cell of an aggregate row (array form), or null when the row is not a published group (dimensions.ts). */
function cellAt(r: readonly SqlValue[], x: Ix): Cell | null {
  const level = Number(r[x.grG1]) === 1 ? 'total' : Number(r[x.grG2]) === 1 ? 'target' : 'subgroup';
  const gruppe = groupOfUnit(level, r[x.g1], r[x.g2]);
  if (gruppe === null) return null;
  const land = Number(r[x.grFylke]) === 1;
  const fylke = !land && Number(r[x.grKommune]) === 1;
  return {
    periode: num(r[x.periode]),
    botid: numOrNull(r[x.botid]),
    lovregime: (Number(r[x.grLovregime]) === 1 ? 'alle' : r[x.lovregime]) as Lovregime,
    regionniva: land ? 'land' : fylke ? 'fylke' : 'kommune',
    region: land ? '0' : String(fylke ? r[x.fylke] : r[x.kommune]),
    gruppe,
    kjonn: (Number(r[x.grKjonn]) === 1 ? 'alle' : String(r[x.kjonn])) as KjonnDim,
    vindu: x.vindu < 0 ? 1 : num(r[x.vindu]),
  };
}

interface Col {
  readonly spec: CompiledIndicator['measures'][number]['spec'];
  readonly tot: number; readonly n: number; readonly s: number; readonly sd: number | null;
}

/** The result rows of one indicator's measures in one cell, appended to `out`. */
function emit(ci: CompiledIndicator, cols: readonly Col[], cell: Cell, r: readonly SqlValue[], out: ResultRow[]): void {
  for (const c of cols) {
    const spec = c.spec;
    if (cell.regionniva === 'kommune' && spec.deepestRegion === 'fylke') continue;
    const tot = num(r[c.tot]);
    if (tot === 0) continue; // cells with no persons are absent
    const n = num(r[c.n]);
    const mangler = tot - n;
    if (n === 0) {
      out.push(makeRow(ci, cell, spec.kode, null, 0, null, null, null, mangler, '..'));
      continue;
    }
    const s = num(r[c.s]);
    const kind = measureKind(spec.kind);
    const verdi = r1(kind.value(s, n));
    const teller = kind.numerator ? s : null;
    // The interval the kind owns (catalogue/measure-kinds.ts).
    switch (kind.interval) {
      case 'wilson': {
        const ci95 = wilson(s, n);
        out.push(makeRow(ci, cell, spec.kode, teller, n, verdi, r1(ci95.lower), r1(ci95.upper), mangler, ''));
        break;
      }
      case 't': {
        const sd = c.sd === null ? null : numOrNull(r[c.sd]);
        const half = sd !== null && n >= 2 ? sd * tHalfWidth(n) : null;
        out.push(makeRow(ci, cell, spec.kode, teller, n, verdi, half === null ? null : r1(s - half), half === null ? null : r1(s + half), mangler, ''));
        break;
      }
      case 'none':
        out.push(makeRow(ci, cell, spec.kode, teller, n, verdi, null, null, mangler, ''));
        break;
      case 'shifted':
        throw new Error(`${ci.def.id}.${spec.kode}: a derived measure is computed from its source's cells (reference-gap.ts), not aggregated`);
      default:
        assertNever(kind.interval, 'interval');
    }
  }
}

/** Result rows of several indicators computed by one query (compileBatch): each cell is read once. */
export function finalizeBatch(parts: readonly CompiledIndicator[], frame: Frame): Map<string, ResultRow[]> {
  const outs = parts.map(() => [] as ResultRow[]);
  if (frame.rows.length === 0) return new Map(parts.map((p, i) => [p.def.id, outs[i]!]));
  const at = indexes(frame.names);
  const x: Ix = {
    periode: at('periode'), botid: at('botid'), lovregime: at('lovregime'), g1: at('g1'), g2: at('g2'), fylke: at('fylke'),
    kommune: at('kommune'), kjonn: at('kjonn'), grLovregime: at('gr_lovregime'), grG1: at('gr_g1'), grG2: at('gr_g2'),
    grFylke: at('gr_fylke'), grKommune: at('gr_kommune'), grKjonn: at('gr_kjonn'), vindu: frame.names.indexOf('vindu'),
  };
  const cols = parts.map((p) => p.measures.map((m): Col => ({
    spec: m.spec, tot: at(m.columns.tot), n: at(m.columns.n), s: at(m.columns.s),
    sd: measureKind(m.spec.kind).interval === 't' ? at(m.columns.sd) : null,
  })));
  for (const r of frame.rows) {
    const cell = cellAt(r, x);
    if (cell === null) continue;
    for (let i = 0; i < parts.length; i++) emit(parts[i]!, cols[i]!, cell, r, outs[i]!);
  }
  return new Map(parts.map((p, i) => [p.def.id, outs[i]!]));
}
