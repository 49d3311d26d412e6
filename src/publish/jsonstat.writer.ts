/**
 * JSON-stat 2.0 datasets (docs/output-contract.md § JSON-stat 2.0): one dataset per indicator.
 * Dimensions: the role dimensions maal (metric), periode (time) and region (geo) always; every other
 * key column only when it varies; last a `maaltall` dimension holding verdi, teller, nevner, the
 * interval and mangler (as SSB's ContentsCode), so the dataset carries the same cells as the CSV.
 * Suppressed / missing cells: value null + status ':' / '..' / '.', as SSB's API does.
 * The full cube is sparse (region × group × regime), so value/status use the object form
 * ({"index": v}) when fewer than half the cells hold something.
 */
import { RESULTS_VERSION, type ResultRow } from '../contract/results.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
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
import { NUMERIC_COLUMNS, isUnprotected, type NumericColumn, type WriteOptions, type Writer } from './types.ts';

/** Key columns that may become dimensions, in dimension order (regionniva follows from region). */
const KEY_COLUMNS = ['maal', 'ledd', 'kohort', 'periode', 'botid', 'lovregime', 'region', 'gruppe', 'kjonn'] as const;
type KeyColumn = (typeof KEY_COLUMNS)[number];
/** Always present so role.time/geo/metric point at real dimensions. */
const ROLE_COLUMNS: ReadonlySet<KeyColumn> = new Set(['maal', 'periode', 'region']);
const DENSE_THRESHOLD = 0.5;

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
  value: (number | null)[] | Record<string, number | null>;
  status?: (string | null)[] | Record<string, string>;
  extension: Record<string, unknown>;
}

const UNIT_LABELS: Readonly<Record<string, { nb: string; en: string }>> = {
  prosent: { nb: 'prosent', en: 'per cent' },
  timer: { nb: 'timer', en: 'hours' },
  maaneder: { nb: 'måneder', en: 'months' },
  kr: { nb: 'kroner', en: 'NOK' },
  prosentpoeng: { nb: 'prosentpoeng', en: 'percentage points' },
  antall: { nb: 'antall', en: 'count' },
};

/** The dimension code of a row's key column (numbers as text, null as NULL_CATEGORY). */
export function keyCode(row: ResultRow, col: KeyColumn): string {
  const v = row[col];
  return v === null ? NULL_CATEGORY : String(v);
}

function orderOf(list: readonly string[], code: string): number {
  const i = list.indexOf(code);
  return i < 0 ? list.length : i;
}

function maalOrder(meta: IndicatorMeta | null): (code: string) => number {
  const codes = meta?.maal.map((m) => m.kode) ?? [];
  return (code) => {
    const i = codes.findIndex((k) => (k.endsWith('*') ? code.startsWith(k.slice(0, -1)) : k === code));
    return i < 0 ? codes.length : i;
  };
}

function sortCodes(col: KeyColumn, codes: string[], meta: IndicatorMeta | null): string[] {
  const numeric = (a: string, b: string) => Number(a) - Number(b);
  if (col === 'periode' || col === 'botid') {
    return codes.sort((a, b) => (a === NULL_CATEGORY ? -1 : b === NULL_CATEGORY ? 1 : numeric(a, b)));
  }
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
  for (const m of meta?.maal ?? []) {
    if (m.kode === code) return pick(m.navn, lang);
    if (m.kode.endsWith('*') && code.startsWith(m.kode.slice(0, -1))) {
      return `${pick(m.navn, lang)}: ${code.slice(m.kode.length - 1)}`;
    }
  }
  return code;
}

function maalUnits(codes: readonly string[], meta: IndicatorMeta | null, lang: Lang): JsonStatCategory['unit'] {
  const unit: NonNullable<JsonStatCategory['unit']> = {};
  for (const code of codes) {
    const m = meta?.maal.find((x) => (x.kode.endsWith('*') ? code.startsWith(x.kode.slice(0, -1)) : x.kode === code));
    const label = m ? UNIT_LABELS[m.enhet] : undefined;
    if (label) unit[code] = { label: pick(label, lang), decimals: 1 };
  }
  return Object.keys(unit).length ? unit : undefined;
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

function distinctCodes(rows: readonly ResultRow[], col: KeyColumn): string[] {
  const seen = new Set<string>();
  for (const r of rows) seen.add(keyCode(r, col));
  return [...seen];
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

/** Builds the JSON-stat 2.0 dataset object for the rows of one indicator. */
export function toJsonStat(rows: readonly ResultRow[], meta: IndicatorMeta | null, opts: WriteOptions = {}): JsonStatDataset {
  const lang: Lang = opts.lang ?? 'nb';
  const ids = new Set(rows.map((r) => r.indikator));
  if (ids.size > 1) throw new Error(`JSON-stat: one indicator per dataset, got ${[...ids].join(', ')}`);
  const indikator = rows[0]?.indikator ?? meta?.id ?? '';
  const variables: readonly NumericColumn[] = opts.variables?.length ? opts.variables : NUMERIC_COLUMNS;

  const dims: { col: KeyColumn; codes: string[] }[] = [];
  const constants: Record<string, string | number | null> = {};
  for (const col of KEY_COLUMNS) {
    const codes = sortCodes(col, distinctCodes(rows, col), meta);
    if (codes.length > 1 || ROLE_COLUMNS.has(col)) dims.push({ col, codes });
    else constants[col] = rows[0] ? rows[0][col] : null;
  }
  const id = [...dims.map((d) => d.col as string), 'maaltall'];
  const size = [...dims.map((d) => d.codes.length), variables.length];
  const positions = dims.map((d) => new Map(d.codes.map((c, i) => [c, i])));
  const strides = size.map((_, i) => size.slice(i + 1).reduce((a, b) => a * b, 1));
  const cellCount = size.reduce((a, b) => a * b, 1);

  const values = new Map<number, number | null>();
  const statuses = new Map<number, string>();
  for (const row of rows) {
    let base = 0;
    dims.forEach((d, i) => {
      base += (positions[i]!.get(keyCode(row, d.col)) ?? 0) * strides[i]!;
    });
    variables.forEach((v, j) => {
      const value = row[v];
      values.set(base + j, value);
      if (row.status !== '' && value === null) statuses.set(base + j, row.status);
    });
  }

  const dense = values.size >= cellCount * DENSE_THRESHOLD;
  const dimension: JsonStatDataset['dimension'] = {};
  dims.forEach((d) => {
    const label = Object.fromEntries(d.codes.map((c) => [c, labelFor(d.col, c, meta, opts, lang)]));
    const category: JsonStatCategory = { index: d.codes };
    if (d.codes.length) category.label = label;
    if (d.col === 'maal') {
      const unit = maalUnits(d.codes, meta, lang);
      if (unit) category.unit = unit;
    }
    const entry: JsonStatDataset['dimension'][string] = { label: pick(DIMENSION_LABELS[d.col]!, lang), category };
    if (d.col === 'region') entry.extension = { regionniva: Object.fromEntries(d.codes.map((c) => [c, regionLevel(c)])) };
    dimension[d.col] = entry;
  });
  dimension['maaltall'] = {
    label: pick(DIMENSION_LABELS['maaltall']!, lang),
    category: { index: [...variables], label: Object.fromEntries(variables.map((v) => [v, categoryLabel('maaltall', v, lang)])) },
  };

  const ds: JsonStatDataset = {
    version: '2.0',
    class: 'dataset',
    label: datasetLabel(indikator, meta, opts, lang),
    id,
    size,
    role: { time: ['periode'], geo: ['region'], metric: ['maal'] },
    dimension,
    value: dense ? denseArray(values, cellCount, null) : Object.fromEntries(values),
    extension: { ...indicatorExtension(meta, opts, lang), indikator, faste: constants },
  };
  if (statuses.size) ds.status = dense ? denseArray(statuses, cellCount, null) : Object.fromEntries(statuses);
  const notes = datasetNotes(meta, opts, lang);
  if (notes.length) ds.note = notes;
  if (meta?.kilder.length) ds.source = meta.kilder.join('; ');
  const updated = opts.publication?.generatedAt;
  if (updated && ISO_DATE_TIME.test(updated)) ds.updated = updated;
  return ds;
}

function denseArray<T>(cells: ReadonlyMap<number, T>, n: number, empty: null): (T | null)[] {
  const out: (T | null)[] = new Array<T | null>(n).fill(empty);
  for (const [i, v] of cells) out[i] = v;
  return out;
}

export const jsonStatWriter: Writer = {
  format: 'json-stat2',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  write(rows, meta, opts) {
    return new TextEncoder().encode(JSON.stringify(toJsonStat(rows, meta, opts)));
  },
};
