/**
 * Query parameters of the data endpoint, PxWebApi v2 style: valueCodes[dim]=a,b (also repeated),
 * `*` wildcards (alone = everything, or a pattern such as 46*), outputFormat, lang.
 * Everything is checked against allow-lists before it gets near SQL (where it is bound anyway).
 */
import { FILTER_DIMENSIONS, NUMERIC_COLUMNS, type FilterDimension, type NumericColumn, type OutputFormat } from '../publish/index.ts';
import type { Lang } from '../shared/lang.ts';
import { ApiError, badRequest } from './errors.ts';

export const MAX_QUERY_LENGTH = 4096;
export const MAX_VALUES_PER_DIMENSION = 1000;
const VALUE_PATTERN = /^[A-Za-z0-9_:.*-]{1,64}$/;
const KEY_PATTERN = /^valueCodes\[([a-z_]{1,32})\]$/;
const FORMATS: readonly OutputFormat[] = ['json-stat2', 'csv', 'xlsx'];
/** Dimension names accepted in valueCodes: the results key plus JSON-stat's `maaltall`. */
export const QUERY_DIMENSIONS: readonly string[] = [...FILTER_DIMENSIONS, 'maaltall'];

export interface DataQuery {
  /** Raw requested codes per dimension (wildcards not yet expanded). */
  readonly valueCodes: ReadonlyMap<string, readonly string[]>;
  readonly format: OutputFormat;
  readonly lang: Lang;
}

/** The raw query string of a URL (without '?'). */
export function rawQuery(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i + 1);
}

export function checkQueryLength(url: string): void {
  if (rawQuery(url).length > MAX_QUERY_LENGTH) {
    throw new ApiError(414, 'query_too_long', `Spørringen er for lang (maks ${MAX_QUERY_LENGTH} tegn).`, `Query too long (max ${MAX_QUERY_LENGTH} characters).`);
  }
}

/** lang=nb|en (the only parameter every endpoint accepts). */
export function parseLang(params: URLSearchParams, fallback: Lang): Lang {
  const all = params.getAll('lang');
  if (all.length === 0) return fallback;
  if (all.length > 1 || (all[0] !== 'nb' && all[0] !== 'en')) {
    throw badRequest('bad_lang', 'lang må være nb eller en.', 'lang must be nb or en.');
  }
  return all[0];
}

/** Refuses any parameter not in the allow-list for an endpoint. */
export function onlyParams(params: URLSearchParams, allowed: readonly string[]): void {
  for (const key of new Set(params.keys())) {
    if (!allowed.includes(key) && !(allowed.includes('valueCodes[*]') && KEY_PATTERN.test(key))) {
      throw badRequest('unknown_parameter', `Ukjent parameter: ${safeEcho(key)}.`, `Unknown parameter: ${safeEcho(key)}.`);
    }
  }
}

/** Echo a user string in an error only after trimming it to a harmless short form. */
export function safeEcho(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9_:.*[\]-]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

function parseFormat(params: URLSearchParams): OutputFormat {
  const all = params.getAll('outputFormat');
  if (all.length === 0) return 'json-stat2';
  const f = all[0] as OutputFormat;
  if (all.length > 1 || !FORMATS.includes(f)) {
    throw badRequest('bad_format', `outputFormat må være en av ${FORMATS.join(', ')}.`, `outputFormat must be one of ${FORMATS.join(', ')}.`);
  }
  return f;
}

function splitValues(dim: string, raw: readonly string[]): string[] {
  const values = raw.flatMap((r) => r.split(',')).map((v) => v.trim());
  if (values.length > MAX_VALUES_PER_DIMENSION) {
    throw badRequest('too_many_values', `For mange verdier for ${dim} (maks ${MAX_VALUES_PER_DIMENSION}).`, `Too many values for ${dim} (max ${MAX_VALUES_PER_DIMENSION}).`);
  }
  for (const v of values) {
    if (!VALUE_PATTERN.test(v)) {
      throw badRequest('bad_value', `Ugyldig verdi for ${dim}: ${safeEcho(v)}.`, `Invalid value for ${dim}: ${safeEcho(v)}.`);
    }
  }
  return values;
}

/** Parses and checks the data endpoint's parameters (values are checked against data later). */
export function parseDataQuery(params: URLSearchParams, fallbackLang: Lang): DataQuery {
  onlyParams(params, ['valueCodes[*]', 'outputFormat', 'lang']);
  const valueCodes = new Map<string, string[]>();
  for (const key of new Set(params.keys())) {
    const m = KEY_PATTERN.exec(key);
    if (!m) continue;
    const dim = m[1]!;
    if (!QUERY_DIMENSIONS.includes(dim)) {
      throw badRequest('unknown_dimension', `Ukjent dimensjon: ${safeEcho(dim)}. Gyldige: ${QUERY_DIMENSIONS.join(', ')}.`, `Unknown dimension: ${safeEcho(dim)}. Valid: ${QUERY_DIMENSIONS.join(', ')}.`);
    }
    valueCodes.set(dim, splitValues(dim, params.getAll(key)));
  }
  return { valueCodes, format: parseFormat(params), lang: parseLang(params, fallbackLang) };
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern.split('*').map((p) => p.replace(/[.]/g, '\\.')).join('.*');
  return new RegExp(`^${body}$`);
}

/**
 * Expands wildcards against the values that exist and refuses unknown ones.
 * Returns undefined when the dimension is not restricted (`*`).
 */
export function resolveValues(dim: string, requested: readonly string[], existing: readonly string[]): string[] | undefined {
  if (requested.includes('*')) return undefined;
  const out = new Set<string>();
  const unknown: string[] = [];
  for (const v of requested) {
    const hits = v.includes('*') ? existing.filter((e) => globToRegExp(v).test(e)) : existing.includes(v) ? [v] : [];
    if (hits.length === 0) unknown.push(v);
    hits.forEach((h) => out.add(h));
  }
  if (unknown.length) {
    const shown = unknown.slice(0, 5).map(safeEcho).join(', ');
    throw badRequest('unknown_value', `Ukjent verdi for ${dim}: ${shown}.`, `Unknown value for ${dim}: ${shown}.`);
  }
  return [...out];
}

export type DimensionFilter = { [K in FilterDimension]?: string[] };

export function isNumericColumn(v: string): v is NumericColumn {
  return (NUMERIC_COLUMNS as readonly string[]).includes(v);
}
