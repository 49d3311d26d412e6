import type { ResultRow } from '../contract/results.ts';
import type { MeasureLookup } from './measure-kind.ts';

/** Dimensions of a cell, in key order. Region last so its radix can be large. */
export const DIMS = ['maal', 'kohort', 'periode', 'botid', 'lovregime', 'gruppe', 'kjonn', 'region'] as const;
export type Dim = (typeof DIMS)[number];
export const D_MAAL = 0;
export const D_KOHORT = 1;
export const D_BOTID = 3;
export const D_LOVREGIME = 4;
export const D_GRUPPE = 5;
export const D_KJONN = 6;
export const D_REGION = 7;

/** How a cell's numerator enters linear relations. */
export const NUM_COUNT = 0; // a count of persons (share numerator)
export const NUM_AMOUNT = 1; // a sum (mean × persons): additive, but not a count
export const NUM_NONE = 2; // a median: not additive

/**
 * The protectable cells of one indicator (status '' or ':'), dictionary-encoded so that every
 * cell has a numeric key and a relation lookup is one Map access (no string keys per relation).
 */
export interface CellTable {
  readonly indikator: string;
  /** Row index in the input for each cell. */
  readonly rowIndex: Int32Array;
  /** Dimension codes per cell: codes[c * DIMS.length + d]. */
  readonly codes: Int32Array;
  /** Dictionary per dimension: code → value string. */
  readonly dict: readonly string[][];
  readonly mult: readonly number[];
  readonly key: Float64Array;
  readonly byKey: Map<number, number>;
  readonly numKind: Uint8Array;
  /** Numerator value (count or amount); 0 when unknown. */
  readonly num: Float64Array;
  /** Denominator (persons); -1 when unknown. */
  readonly den: Float64Array;
  /** Additive group id per cell (-1 = none). */
  readonly addGroup: Int32Array;
  readonly primary: Uint8Array;
  /** Already ':' in the input. */
  readonly preSuppressed: Uint8Array;
}

function dimValue(r: ResultRow, d: Dim): string {
  const v = r[d];
  return v === null ? '' : String(v);
}

/** Encode the protectable rows of one indicator. `isUnsafe` is the primary rule. */
export function buildCellTable(
  rows: readonly ResultRow[],
  indices: readonly number[],
  lookup: MeasureLookup,
  isUnsafe: (r: ResultRow) => boolean,
): CellTable {
  const nd = DIMS.length;
  const dictMaps = DIMS.map(() => new Map<string, number>());
  const dict: string[][] = DIMS.map(() => []);
  const cellRows = indices.filter((i) => {
    const s = rows[i]!.status;
    return s === '' || s === ':';
  });
  const n = cellRows.length;
  const codes = new Int32Array(n * nd);
  const groupIds = new Map<string, number>();
  const addGroup = new Int32Array(n).fill(-1);
  const numKind = new Uint8Array(n);
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  const primary = new Uint8Array(n);
  const preSuppressed = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const r = rows[cellRows[c]!]!;
    for (let d = 0; d < nd; d++) {
      const v = dimValue(r, DIMS[d]!);
      let code = dictMaps[d]!.get(v);
      if (code === undefined) {
        code = dict[d]!.length;
        dictMaps[d]!.set(v, code);
        dict[d]!.push(v);
      }
      codes[c * nd + d] = code;
    }
    const info = lookup.info(r);
    numKind[c] = info.kind === 'share' ? NUM_COUNT : info.kind === 'mean' ? NUM_AMOUNT : NUM_NONE;
    den[c] = r.nevner ?? -1;
    num[c] = info.kind === 'share' ? (r.teller ?? 0) : info.kind === 'mean' ? (r.verdi ?? 0) * (r.nevner ?? 0) : 0;
    if (info.additiveGroup !== null && info.kind === 'share') {
      let g = groupIds.get(info.additiveGroup);
      if (g === undefined) groupIds.set(info.additiveGroup, (g = groupIds.size));
      addGroup[c] = g;
    }
    preSuppressed[c] = r.status === ':' ? 1 : 0;
    primary[c] = r.status === ':' || isUnsafe(r) ? 1 : 0;
  }
  const mult: number[] = [];
  let m = 1;
  for (let d = 0; d < nd; d++) {
    mult.push(m);
    m *= Math.max(1, dict[d]!.length);
  }
  if (m > Number.MAX_SAFE_INTEGER) throw new Error(`disclosure: key space too large for ${rows[indices[0]!]?.indikator}`);
  const key = new Float64Array(n);
  const byKey = new Map<number, number>();
  for (let c = 0; c < n; c++) {
    let k = 0;
    for (let d = 0; d < nd; d++) k += codes[c * nd + d]! * mult[d]!;
    key[c] = k;
    byKey.set(k, c);
  }
  return {
    indikator: n > 0 ? rows[cellRows[0]!]!.indikator : '',
    rowIndex: Int32Array.from(cellRows),
    codes, dict, mult, key, byKey, numKind, num, den, addGroup, primary, preSuppressed,
  };
}
