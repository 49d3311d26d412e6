/**
 * The kinds of faults --dirty plants, each with the rejection code ingest must report
 * (src/contract/rejections.ts). A kind changes one field (or adds one row) so that exactly one
 * check fails under ingest's order: field count, columns (type → code list → range → future),
 * row checks, cross-table person, duplicates.
 */
import type { RejectionCode } from '../contract/rejections.ts';
import type { Rng } from './prng.ts';
import { randomFnr } from './fnr.ts';

export interface FaultContext {
  readonly rng: Rng;
  readonly cols: readonly string[];
  readonly unknownKommuner: readonly string[];
}

/** Result of applying a kind: the rows to write instead of the original, and which one is faulty. */
export interface FaultResult {
  readonly rows: readonly string[][];
  /** Index into rows of the faulty row. */
  readonly faulty: number;
  readonly column: string;
  readonly reason: RejectionCode;
}

export type FaultKind = (fields: readonly string[], ctx: FaultContext) => FaultResult | undefined;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function replace(fields: readonly string[], ctx: FaultContext, column: string, value: string, reason: RejectionCode): FaultResult {
  const out = [...fields];
  out[ctx.cols.indexOf(column)] = value;
  return { rows: [out], faulty: 0, column, reason };
}

const valueOf = (fields: readonly string[], ctx: FaultContext, column: string): string => fields[ctx.cols.indexOf(column)] ?? '';

/** 2021-03-15 → 15.03.2021 (a Norwegian-style export). */
export const badDateFormat = (column: string): FaultKind => (f, ctx) => {
  const m = ISO.exec(valueOf(f, ctx, column));
  return m ? replace(f, ctx, column, `${m[3]}.${m[2]}.${m[1]}`, 'ugyldig_dato') : undefined;
};

/** A 30 February or a 31 April. */
export const impossibleDate = (column: string): FaultKind => (f, ctx) => {
  const m = ISO.exec(valueOf(f, ctx, column));
  if (!m) return undefined;
  return replace(f, ctx, column, ctx.rng.chance(0.5) ? `${m[1]}-02-30` : `${m[1]}-04-31`, 'ugyldig_dato');
};

/** A date years after any reference date (2031–2035). */
export const futureDate = (column: string, requirePresent = true): FaultKind => (f, ctx) => {
  const m = ISO.exec(valueOf(f, ctx, column));
  if (requirePresent && !m) return undefined;
  const year = ctx.rng.int(2031, 2035);
  return replace(f, ctx, column, `${year}-${m?.[2] ?? '06'}-${m?.[3] ?? '15'}`, 'dato_i_fremtiden');
};

/** The end column moved before the start column (a row check). */
export const endBeforeStart = (first: string, then: string): FaultKind => (f, ctx) => {
  const a = valueOf(f, ctx, first);
  if (!ISO.test(a) || !ISO.test(valueOf(f, ctx, then))) return undefined;
  const d = new Date(`${a}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ctx.rng.int(5, 200));
  return replace(f, ctx, then, d.toISOString().slice(0, 10), 'slutt_for_start');
};

export const badMonth = (column: string): FaultKind => (f, ctx) => {
  const v = valueOf(f, ctx, column);
  if (!/^\d{4}-\d{2}$/.test(v)) return undefined;
  return replace(f, ctx, column, ctx.rng.chance(0.5) ? `${v.slice(0, 4)}-13` : `${v.slice(5)}/${v.slice(0, 4)}`, 'ugyldig_maaned');
};

export const negative = (column: string): FaultKind => (f, ctx) => {
  const v = Number(valueOf(f, ctx, column));
  return replace(f, ctx, column, String(-Math.max(1, Math.round(v) || ctx.rng.int(1, 40))), 'utenfor_omraade');
};

export const notNumber = (column: string): FaultKind => (f, ctx) => replace(f, ctx, column, ctx.rng.pick(['ti', '12t', 'n/a']), 'ugyldig_tall');

export const nonBoolean = (column: string, requirePresent = false): FaultKind => (f, ctx) => {
  if (requirePresent && !valueOf(f, ctx, column)) return undefined;
  return replace(f, ctx, column, ctx.rng.pick(['ja', 'nei', 'J', 'yes', '2']), 'ugyldig_boolsk');
};

/** A code outside its code list; `when` limits it to rows where the column is filled. */
export const unknownCode = (column: string, values: readonly string[]): FaultKind => (f, ctx) => {
  if (!valueOf(f, ctx, column)) return undefined;
  return replace(f, ctx, column, ctx.rng.pick(values), 'ukjent_kode');
};

/** Not a CEFR level (e.g. "B3") in a level column of a goal. */
export const nonCefr = (column: string): FaultKind => (f, ctx) => {
  if (!valueOf(f, ctx, column)) return undefined;
  return replace(f, ctx, column, ctx.rng.pick(['B3', 'A3', 'C3', 'b1+']), 'ukjent_kode');
};

/** A norsk test whose result is not a CEFR level (row check proeve_resultat). */
export const badTestResult: FaultKind = (f, ctx) => {
  if (valueOf(f, ctx, 'prove') !== 'norsk') return undefined;
  return replace(f, ctx, 'resultat', ctx.rng.pick(['B3', 'bestatt', '4', 'A1+']), 'ugyldig_resultat');
};

export const unknownKommune = (column: string): FaultKind => (f, ctx) => {
  if (!valueOf(f, ctx, column)) return undefined;
  return replace(f, ctx, column, ctx.rng.pick(ctx.unknownKommuner), 'ukjent_kommune');
};

/** One field too few or one too many. */
export const wrongFieldCount: FaultKind = (f, ctx) => {
  const out = ctx.rng.chance(0.5) ? f.slice(0, -1) : [...f, 'x'];
  return { rows: [out], faulty: 0, column: '', reason: 'feil_antall_felt' };
};

/** A real-looking identity (valid check digits) as person_id. */
export const fnrAsId: FaultKind = (f, ctx) => replace(f, ctx, 'person_id', randomFnr(ctx.rng), 'fodselsnummer');

/** An extra copy of the row after it: the first occurrence stays valid. */
export const duplicateRow: FaultKind = (f) => ({ rows: [[...f], [...f]], faulty: 1, column: '', reason: 'duplikat' });

/** An extra copy for a person who is not in personer. */
export const unknownPersonRow: FaultKind = (f, ctx) => {
  const copy = [...f];
  copy[0] = `X${ctx.rng.int(1_000_000, 9_999_999)}`;
  return { rows: [[...f], copy], faulty: 1, column: 'person_id', reason: 'ukjent_person' };
};
