/**
 * JSON-stat 2.0 datasets (docs/output-contract.md § JSON-stat 2.0): one dataset per indicator.
 * Dimensions: every key column of the results table (size 1 when it does not vary, so a script
 * written for one query works on the next), then `maaltall` (verdi, teller, nevner, the interval,
 * mangler — SSB's ContentsCode) with role metric and a unit per category.
 * Every `null` carries a status: `:` suppressed, `..` no data, `.` not applicable — which is also
 * the status of a combination that does not exist (e.g. a subgroup at municipality level) when the
 * cube is written as arrays. A very sparse cube (more than DENSE_FACTOR × its existing cells) is
 * written in the object form instead: the cells of existing rows, each null with its status; an
 * index that is absent is a combination that does not exist.
 *
 * The cube is built without a cell map: each row's flat index goes into a typed array, the rows are
 * sorted by it, and the `value`/`status` arrays are streamed as text (`jsonStatText`), so a national
 * indicator with millions of cells costs a few typed arrays, never millions of JS objects.
 */
import { RESULTS_VERSION, periodeKey, parsePeriodeKey, type ResultRow } from '../contract/results.ts';
import type { IndicatorMeta, Unit } from '../catalogue/types.ts';
import type { Lang } from '../shared/lang.ts';
import {
  CATEGORY_LABELS,
  COUNTRY_NAME,
  DIMENSION_LABELS,
  NULL_CATEGORY,
  NULL_CATEGORY_LABEL,
  STATUS_LABELS,
  categoryLabel,
  pick,
  regionLevel,
} from './labels.ts';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readJsonStat } from './jsonstat.reader.ts';
import { NUMERIC_COLUMNS, isUnprotected, type FileSource, type NumericColumn, type WriteOptions, type Writer } from './types.ts';

/** Key columns, in dimension order (regionniva follows from region). */
export const KEY_COLUMNS = ['maal', 'ledd', 'kohort', 'periode', 'botid', 'lovregime', 'region', 'gruppe', 'kjonn'] as const;
export type KeyColumn = (typeof KEY_COLUMNS)[number];

export interface JsonStatCategory {
  index: string[] | Record<string, number>;
  label?: Record<string, string>;
  unit?: Record<string, { label: string; decimals: number }>;
}
export interface JsonStatDataset {
  version: '2.0';
  class: 'dataset';
  label: string;
  note?: string[];
  source?: string;
  updated?: string;
  id: string[];
  size: number[];
  role: { time: string[]; geo: string[]; metric: string[] };
  dimension: Record<string, { label: string; category: JsonStatCategory; extension?: Record<string, unknown> }>;
  extension: Record<string, unknown>;
  value: (number | null)[] | Record<string, number | null>;
  status?: (string | null)[] | Record<string, string>;
}

const UNIT_LABELS: Readonly<Record<Unit, { nb: string; en: string }>> = {
  prosent: { nb: 'prosent', en: 'per cent' },
  timer: { nb: 'timer', en: 'hours' },
  maaneder: { nb: 'måneder', en: 'months' },
  kr: { nb: 'kroner', en: 'NOK' },
  prosentpoeng: { nb: 'prosentpoeng', en: 'percentage points' },
  antall: { nb: 'antall', en: 'count' },
};
const PERSONS = { nb: 'personer', en: 'persons' };
const BY_MEASURE = { nb: 'etter mål (se dimensjonen maal)', en: 'by measure (see dimension maal)' };

/** The dimension code of a row's key column (numbers as text, null as NULL_CATEGORY, pools as 2021-2023). */
export function keyCode(row: ResultRow, col: KeyColumn): string {
  if (col === 'periode') return periodeKey(row);
  const v = row[col];
  return v === null ? NULL_CATEGORY : String(v);
}

function orderOf(list: readonly string[], code: string): number {
  const i = list.indexOf(code);
  return i < 0 ? list.length : i;
}

function measureOf(meta: IndicatorMeta | null, code: string) {
  return meta?.maal.find((x) => (x.kode.endsWith('*') ? code.startsWith(x.kode.slice(0, -1)) : x.kode === code));
}

function maalOrder(meta: IndicatorMeta | null): (code: string) => number {
  const codes = meta?.maal.map((m) => m.kode) ?? [];
  return (code) => {
    const i = codes.findIndex((k) => (k.endsWith('*') ? code.startsWith(k.slice(0, -1)) : k === code));
    return i < 0 ? codes.length : i;
  };
}

/** Periods by last year, a single year before the pools that end in it. */
function periodOrder(code: string): number {
  const p = parsePeriodeKey(code);
  return p ? p.periode * 100 + p.vindu : Number.MAX_SAFE_INTEGER;
}

/** The codes of one dimension in publication order (sorted: the same order in every document). */
export function sortCodes(col: KeyColumn, codes: string[], meta: IndicatorMeta | null): string[] {
  const nullFirst = (a: string, b: string) => (a === NULL_CATEGORY ? -1 : b === NULL_CATEGORY ? 1 : 0);
  if (col === 'periode') return codes.sort((a, b) => nullFirst(a, b) || periodOrder(a) - periodOrder(b) || a.localeCompare(b));
  if (col === 'botid') return codes.sort((a, b) => nullFirst(a, b) || Number(a) - Number(b));
  if (col === 'region') {
    const rank = (c: string) => ['land', 'fylke', 'kommune'].indexOf(regionLevel(c));
    return codes.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }
  if (col === 'maal') {
    const ord = maalOrder(meta);
    return codes.sort((a, b) => ord(a) - ord(b) || a.localeCompare(b));
  }
  const known = Object.keys(CATEGORY_LABELS[col] ?? {});
  return codes.sort((a, b) => orderOf(known, a) - orderOf(known, b) || a.localeCompare(b));
}

function maalLabel(code: string, meta: IndicatorMeta | null, lang: Lang): string {
  const m = measureOf(meta, code);
  if (!m) return code;
  return m.kode.endsWith('*') ? `${pick(m.navn, lang)}: ${code.slice(m.kode.length - 1)}` : pick(m.navn, lang);
}

/** Units of the content dimension: counts in persons; value and interval in the measures' unit. */
function contentUnits(variables: readonly NumericColumn[], maal: readonly string[], meta: IndicatorMeta | null, lang: Lang): NonNullable<JsonStatCategory['unit']> {
  const units = new Set(maal.map((c) => measureOf(meta, c)?.enhet).filter((u): u is Unit => u !== undefined));
  const valueUnit = units.size === 1 ? pick(UNIT_LABELS[[...units][0]!], lang) : pick(BY_MEASURE, lang);
  const unit: NonNullable<JsonStatCategory['unit']> = {};
  for (const v of variables) {
    const count = v === 'teller' || v === 'nevner' || v === 'mangler';
    unit[v] = count ? { label: pick(PERSONS, lang), decimals: 0 } : { label: valueUnit, decimals: 1 };
  }
  return unit;
}

function regionName(code: string, opts: WriteOptions, lang: Lang): string {
  if (code === '0') return pick(COUNTRY_NAME, lang);
  return opts.regionNames?.get(code) ?? code;
}

function labelFor(col: KeyColumn, code: string, meta: IndicatorMeta | null, opts: WriteOptions, lang: Lang): string {
  if (code === NULL_CATEGORY) return pick(NULL_CATEGORY_LABEL, lang);
  if (col === 'maal') return maalLabel(code, meta, lang);
  if (col === 'region') return regionName(code, opts, lang);
  return categoryLabel(col, code, lang);
}

function indicatorExtension(meta: IndicatorMeta | null, opts: WriteOptions, lang: Lang): Record<string, unknown> {
  const pub = opts.publication;
  const statusLabels = Object.fromEntries(Object.entries(STATUS_LABELS).map(([k, v]) => [k, pick(v, lang)]));
  const base: Record<string, unknown> = {
    resultatversjon: RESULTS_VERSION,
    ubeskyttet: isUnprotected(pub),
    personvern: { disclosure: pub?.disclosure ?? 'on', protectedBy: pub?.protectedBy ?? null, thresholds: pub?.thresholds ?? {} },
    status: statusLabels,
  };
  if (!meta) return base;
  return {
    ...base,
    indikator: meta.id,
    ledd: meta.ledd,
    kapittel: meta.kapittel,
    kjerne: meta.kjerne,
    definisjon: pick(meta.beskrivelse, lang),
    populasjon: pick(meta.populasjon, lang),
    teller: pick(meta.teller, lang),
    kilder: meta.kilder,
    kohort: meta.kohort,
    malverdier: meta.malverdier ?? [],
  };
}

function datasetLabel(indikator: string, meta: IndicatorMeta | null, opts: WriteOptions, lang: Lang): string {
  const name = meta ? `${meta.id} ${pick(meta.navn, lang)}` : indikator;
  return isUnprotected(opts.publication) ? `${name} – ${lang === 'en' ? 'UNPROTECTED' : 'UBESKYTTET'}` : name;
}

function datasetNotes(meta: IndicatorMeta | null, opts: WriteOptions, lang: Lang): string[] {
  const notes: string[] = [];
  if (meta) notes.push(pick(meta.beskrivelse, lang), pick(meta.populasjon, lang));
  if (isUnprotected(opts.publication)) {
    notes.push(
      lang === 'en'
        ? 'UNPROTECTED: computed without disclosure control, for analysts with microdata access only. Do not publish.'
        : 'UBESKYTTET: beregnet uten personvernkontroll, kun for analytikere med tilgang til mikrodata. Skal ikke publiseres.',
    );
  }
  return notes;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Status symbols as small integers in the typed arrays (0 = published). */
const STATUS_CODES = ['', ':', '..', '.'] as const;
const STATUS_INDEX: Readonly<Record<string, number>> = { '': 0, ':': 1, '..': 2, '.': 3 };
/** The status of a null cell in a published row, and of a combination that does not exist. */
const NOT_APPLICABLE = 3;
const CHUNK_CHARS = 1 << 16;
/**
 * Arrays over the whole cube (every null with a status, `.` for combinations that do not exist)
 * when the cube is at most this many times the existing cells; beyond that the object form.
 */
const DENSE_FACTOR = 3;

/**
 * One indicator's cube: dimension codes (sorted), then rows added one by one (their flat index and
 * values go into growing typed arrays); `text()` streams the finished document.
 */
export class JsonStatCube {
  readonly variables: readonly NumericColumn[];
  readonly codes: readonly string[][];
  private readonly positions: Map<string, number>[];
  private readonly strides: number[];
  readonly cellCount: number;
  private bases = new Float64Array(1024);
  private values = new Float64Array(1024 * 6);
  private statuses = new Uint8Array(1024);
  private n = 0;

  constructor(
    readonly indikator: string,
    codes: Readonly<Record<KeyColumn, readonly string[]>>,
    readonly meta: IndicatorMeta | null,
    variables?: readonly NumericColumn[],
  ) {
    this.variables = variables?.length ? variables : NUMERIC_COLUMNS;
    this.codes = KEY_COLUMNS.map((c) => sortCodes(c, [...codes[c]], meta));
    this.positions = this.codes.map((list) => new Map(list.map((c, i) => [c, i])));
    const size = [...this.codes.map((c) => c.length), this.variables.length];
    this.strides = size.map((_, i) => size.slice(i + 1).reduce((a, b) => a * b, 1));
    this.cellCount = size.reduce((a, b) => a * b, 1);
    this.values = new Float64Array(1024 * this.variables.length);
  }

  /** The distinct codes of every key column in rows (for a cube built from rows in memory). */
  static codesOf(rows: readonly ResultRow[]): Record<KeyColumn, string[]> {
    const sets = KEY_COLUMNS.map(() => new Set<string>());
    for (const r of rows) KEY_COLUMNS.forEach((c, i) => sets[i]!.add(keyCode(r, c)));
    return Object.fromEntries(KEY_COLUMNS.map((c, i) => [c, [...sets[i]!]])) as Record<KeyColumn, string[]>;
  }

  private grow(): void {
    const cap = this.bases.length * 2;
    const bases = new Float64Array(cap);
    bases.set(this.bases);
    this.bases = bases;
    const values = new Float64Array(cap * this.variables.length);
    values.set(this.values);
    this.values = values;
    const statuses = new Uint8Array(cap);
    statuses.set(this.statuses);
    this.statuses = statuses;
  }

  /** Adds one row: its key codes in KEY_COLUMNS order, its numeric columns by name, its status. */
  add(keys: readonly string[], value: (col: NumericColumn) => number | null, status: string): void {
    if (this.n === this.bases.length) this.grow();
    let base = 0;
    for (let i = 0; i < KEY_COLUMNS.length; i++) {
      const pos = this.positions[i]!.get(keys[i]!);
      if (pos === undefined) throw new Error(`JSON-stat ${this.indikator}: ${KEY_COLUMNS[i]} ${keys[i]} is not among the dimension's codes`);
      base += pos * this.strides[i]!;
    }
    this.bases[this.n] = base;
    const nv = this.variables.length;
    for (let j = 0; j < nv; j++) this.values[this.n * nv + j] = value(this.variables[j]!) ?? Number.NaN;
    this.statuses[this.n] = STATUS_INDEX[status] ?? NOT_APPLICABLE;
    this.n++;
  }

  addRow(row: ResultRow): void {
    if (row.indikator !== this.indikator) throw new Error(`JSON-stat: one indicator per dataset, got ${this.indikator} and ${row.indikator}`);
    this.add(KEY_COLUMNS.map((c) => keyCode(row, c)), (v) => row[v], row.status);
  }

  get rowCount(): number {
    return this.n;
  }

  /** The document without value and status (dimension order, labels, units, metadata). */
  header(opts: WriteOptions): Omit<JsonStatDataset, 'value' | 'status'> {
    const lang: Lang = opts.lang ?? 'nb';
    const meta = this.meta;
    const dimension: JsonStatDataset['dimension'] = {};
    KEY_COLUMNS.forEach((col, i) => {
      const codes = this.codes[i]!;
      const category: JsonStatCategory = { index: codes };
      if (codes.length) category.label = Object.fromEntries(codes.map((c) => [c, labelFor(col, c, meta, opts, lang)]));
      const entry: JsonStatDataset['dimension'][string] = { label: pick(DIMENSION_LABELS[col]!, lang), category };
      if (col === 'region') entry.extension = { regionniva: Object.fromEntries(codes.map((c) => [c, regionLevel(c)])) };
      if (col === 'maal') {
        const enhet = Object.fromEntries(codes.flatMap((c) => {
          const u = measureOf(meta, c)?.enhet;
          return u ? [[c, u]] : [];
        }));
        entry.extension = { enhet };
      }
      dimension[col] = entry;
    });
    dimension['maaltall'] = {
      label: pick(DIMENSION_LABELS['maaltall']!, lang),
      category: {
        index: [...this.variables],
        label: Object.fromEntries(this.variables.map((v) => [v, categoryLabel('maaltall', v, lang)])),
        unit: contentUnits(this.variables, this.codes[0]!, meta, lang),
      },
    };
    const ds: Omit<JsonStatDataset, 'value' | 'status'> = {
      version: '2.0',
      class: 'dataset',
      label: datasetLabel(this.indikator, meta, opts, lang),
      id: [...KEY_COLUMNS, 'maaltall'],
      size: [...this.codes.map((c) => c.length), this.variables.length],
      role: { time: ['periode'], geo: ['region'], metric: ['maaltall'] },
      dimension,
      extension: { ...indicatorExtension(meta, opts, lang), indikator: this.indikator },
    };
    const notes = datasetNotes(meta, opts, lang);
    if (notes.length) ds.note = notes;
    if (meta?.kilder.length) ds.source = meta.kilder.join('; ');
    const updated = opts.publication?.generatedAt;
    if (updated && ISO_DATE_TIME.test(updated)) ds.updated = updated;
    return ds;
  }

  /** Row numbers ordered by flat index (a numeric typed-array sort of base·2^k + row). */
  private order(): Uint32Array {
    const n = this.n;
    const shift = 2 ** Math.ceil(Math.log2(Math.max(2, n)));
    if (this.cellCount * shift >= Number.MAX_SAFE_INTEGER) throw new Error(`JSON-stat ${this.indikator}: cube too large (${this.cellCount} cells)`);
    const keys = new Float64Array(n);
    for (let r = 0; r < n; r++) keys[r] = this.bases[r]! * shift + r;
    keys.sort();
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = keys[i]! % shift;
    return order;
  }

  /** The whole document as text chunks (value and status arrays streamed, every null with a status). */
  *text(opts: WriteOptions): Generator<string> {
    const head = JSON.stringify(this.header(opts));
    const order = this.order();
    const nv = this.variables.length;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the nested generator functions read the cube
    const self = this;
    yield head.slice(0, -1);
    /** One array (values or statuses) over the whole cube; `cell` gives a present cell's text. */
    function* array(name: string, missing: string, cell: (row: number, j: number) => string): Generator<string> {
      let out = `,"${name}":[`;
      let next = 0;
      let first = true;
      const emit = (t: string) => {
        out += first ? t : `,${t}`;
        first = false;
      };
      const gap = (until: number) => {
        while (next < until) {
          const k = Math.min(until - next, 4096);
          const run = `${missing},`.repeat(k).slice(0, -1);
          emit(run);
          next += k;
        }
      };
      for (let i = 0; i < order.length; i++) {
        const r = order[i]!;
        const base = self.bases[r]!;
        if (base < next) continue; // a duplicate key: the first row wins
        gap(base);
        for (let j = 0; j < nv; j++) emit(cell(r, j));
        next = base + nv;
        if (out.length > CHUNK_CHARS) {
          yield out;
          out = '';
        }
      }
      gap(self.cellCount);
      yield `${out}]`;
    }
    /** The object form: `"index":text` for the cells of existing rows (null statuses left out). */
    function* object(name: string, cell: (row: number, j: number) => string): Generator<string> {
      let out = `,"${name}":{`;
      let first = true;
      let next = 0;
      for (let i = 0; i < order.length; i++) {
        const r = order[i]!;
        const base = self.bases[r]!;
        if (base < next) continue;
        for (let j = 0; j < nv; j++) {
          const t = cell(r, j);
          if (name === 'status' && t === 'null') continue;
          out += `${first ? '' : ','}"${base + j}":${t}`;
          first = false;
        }
        next = base + nv;
        if (out.length > CHUNK_CHARS) {
          yield out;
          out = '';
        }
      }
      yield `${out}}`;
    }
    const num = (r: number, j: number) => {
      const v = this.values[r * nv + j]!;
      return Number.isNaN(v) ? 'null' : String(v);
    };
    const stat = (r: number, j: number) => {
      if (!Number.isNaN(this.values[r * nv + j]!)) return 'null';
      const s = this.statuses[r]!;
      return `"${STATUS_CODES[s === 0 ? NOT_APPLICABLE : s]}"`;
    };
    if (this.cellCount <= DENSE_FACTOR * this.n * nv) {
      yield* array('value', 'null', num);
      yield* array('status', `"${STATUS_CODES[NOT_APPLICABLE]}"`, stat);
    } else {
      // A sparse cube (most combinations do not exist, e.g. subgroups × municipalities): object
      // form with the cells of existing rows; a missing index is a combination that does not exist.
      yield* object('value', num);
      yield* object('status', stat);
    }
    yield '}';
  }
}

/** Builds the JSON-stat 2.0 dataset for the rows of one indicator (a selection, in memory). */
export function toJsonStat(rows: readonly ResultRow[], meta: IndicatorMeta | null, opts: WriteOptions = {}): JsonStatDataset {
  return JSON.parse(jsonStatText(rows, meta, opts)) as JsonStatDataset;
}

/** The document as one string. */
export function jsonStatText(rows: readonly ResultRow[], meta: IndicatorMeta | null, opts: WriteOptions = {}): string {
  const ids = new Set(rows.map((r) => r.indikator));
  if (ids.size > 1) throw new Error(`JSON-stat: one indicator per dataset, got ${[...ids].join(', ')}`);
  const indikator = rows[0]?.indikator ?? meta?.id ?? '';
  const cube = new JsonStatCube(indikator, JsonStatCube.codesOf(rows), meta, opts.variables);
  for (const r of rows) cube.addRow(r);
  return [...cube.text(opts)].join('');
}

/** Streams one indicator's document from the saved results into a file (memory: a few typed arrays). */
export async function writeJsonStatFile(source: FileSource, path: string): Promise<void> {
  const codes = {} as Record<KeyColumn, string[]>;
  for (const col of KEY_COLUMNS) codes[col] = await source.codes(col);
  const cube = new JsonStatCube(source.indikator ?? '', codes, source.meta, source.opts.variables);
  for await (const chunk of source.rows()) for (const row of chunk) cube.addRow(row);
  await pipeline(Readable.from(cube.text(source.opts)), createWriteStream(path));
}

export const jsonStatWriter = {
  format: 'json-stat2',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  label: { nb: 'JSON-stat 2.0', en: 'JSON-stat 2.0' },
  write(rows, meta, opts) {
    return new TextEncoder().encode(jsonStatText(rows, meta, opts));
  },
  files: { scope: 'indicator', when: 'now', writeFile: writeJsonStatFile },
  read: readJsonStat,
} as const satisfies Writer;
