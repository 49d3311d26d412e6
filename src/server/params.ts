/**
 * Query parameters, PxWebApi v2 style: `valueCodes[dim]=expr,expr` (also repeated; expressions in
 * selection.ts), `outputFormat`, `outputFormatParams`, `lang=no|nb|en`.
 * Everything is checked against allow-lists before it gets near SQL (where it is bound anyway).
 */
import { FILTER_DIMENSIONS, OUTPUT_FORMAT_IDS, type OutputFormat } from '../publish/index.ts';
import { parseLangCode, type Lang } from '../shared/lang.ts';
import { ApiError, badRequest } from './errors.ts';
import { safeEcho, splitExpressions } from './selection.ts';

export { safeEcho } from './selection.ts';

export const MAX_QUERY_LENGTH = 4096;
export const MAX_VALUES_PER_DIMENSION = 1000;
const KEY_PATTERN = /^valueCodes\[([a-z_]{1,32})\]$/;
/** Formats of the indicator data endpoint (first = default): the output-format registry's list. */
export const DATA_FORMATS: readonly OutputFormat[] = OUTPUT_FORMAT_IDS;
/** Dimension names accepted in valueCodes: the results key plus JSON-stat's `maaltall`. */
export const QUERY_DIMENSIONS: readonly string[] = [...FILTER_DIMENSIONS, 'maaltall'];

/** How CSV/XLSX name the dimension values (PxWebApi's UseCodes / UseTexts / UseCodesAndTexts). */
export type LabelStyle = 'codes' | 'texts' | 'both';

export interface TableStyle {
  readonly labels: LabelStyle;
  /** Norwegian CSV: ';' separator, decimal comma, UTF-8 BOM (SeparatorSemicolon). */
  readonly semicolon: boolean;
}

export const OUTPUT_FORMAT_PARAMS = ['UseCodes', 'UseTexts', 'UseCodesAndTexts', 'SeparatorSemicolon'] as const;

export interface ParsedQuery<F extends string> {
  /** Raw selection expressions per dimension (not yet resolved against the data). */
  readonly valueCodes: ReadonlyMap<string, readonly string[]>;
  readonly format: F;
  readonly style: TableStyle;
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

/** lang=nb|no|en (the only parameter every endpoint accepts); `no` is SSB's code for Norwegian. */
export function parseLang(params: URLSearchParams, fallback: Lang): Lang {
  const all = params.getAll('lang');
  if (all.length === 0) return fallback;
  const lang = all.length === 1 ? parseLangCode(all[0]) : null;
  if (!lang) throw badRequest('bad_lang', 'lang må være no, nb eller en.', 'lang must be no, nb or en.');
  return lang;
}

/** The language to answer an error in: the request's lang if it is valid, else the fallback. */
export function errorLang(url: string, fallback: Lang): Lang {
  try {
    return parseLangCode(new URL(url).searchParams.get('lang')) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Refuses any parameter not in the allow-list for an endpoint. */
export function onlyParams(params: URLSearchParams, allowed: readonly string[]): void {
  for (const key of new Set(params.keys())) {
    if (!allowed.includes(key) && !(allowed.includes('valueCodes[*]') && KEY_PATTERN.test(key))) {
      throw badRequest('unknown_parameter', `Ukjent parameter: ${safeEcho(key)}.`, `Unknown parameter: ${safeEcho(key)}.`);
    }
  }
}

function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw badRequest('repeated_parameter', `${name} kan bare gis én gang.`, `${name} may be given only once.`);
  return all[0];
}

function parseFormat<F extends string>(params: URLSearchParams, formats: readonly F[]): F {
  const f = single(params, 'outputFormat');
  if (f === undefined) return formats[0]!;
  const hit = formats.find((x) => x === f.toLowerCase());
  if (!hit) {
    throw badRequest('bad_format', `outputFormat må være en av ${formats.join(', ')}.`, `outputFormat must be one of ${formats.join(', ')}.`);
  }
  return hit;
}

/** outputFormatParams=UseCodesAndTexts,SeparatorSemicolon (case-insensitive, comma list). */
export function parseStyle(params: URLSearchParams): TableStyle {
  let labels: LabelStyle = 'codes';
  let semicolon = false;
  const raw = params.getAll('outputFormatParams').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const seen = new Set<string>();
  for (const v of raw) {
    const known = OUTPUT_FORMAT_PARAMS.find((p) => p.toLowerCase() === v.toLowerCase());
    if (!known) {
      throw badRequest('bad_format_params', `Ukjent outputFormatParams: ${safeEcho(v)}. Gyldige: ${OUTPUT_FORMAT_PARAMS.join(', ')}.`, `Unknown outputFormatParams: ${safeEcho(v)}. Valid: ${OUTPUT_FORMAT_PARAMS.join(', ')}.`);
    }
    seen.add(known);
  }
  const styles = ['UseCodes', 'UseTexts', 'UseCodesAndTexts'].filter((s) => seen.has(s));
  if (styles.length > 1) throw badRequest('bad_format_params', 'Velg bare én av UseCodes, UseTexts og UseCodesAndTexts.', 'Choose only one of UseCodes, UseTexts and UseCodesAndTexts.');
  if (seen.has('UseTexts')) labels = 'texts';
  if (seen.has('UseCodesAndTexts')) labels = 'both';
  if (seen.has('SeparatorSemicolon')) semicolon = true;
  return { labels, semicolon };
}

function splitValues(dim: string, raw: readonly string[]): string[] {
  const values = raw.flatMap(splitExpressions);
  if (values.length > MAX_VALUES_PER_DIMENSION) {
    throw badRequest('too_many_values', `For mange verdier for ${dim} (maks ${MAX_VALUES_PER_DIMENSION}).`, `Too many values for ${dim} (max ${MAX_VALUES_PER_DIMENSION}).`);
  }
  return values;
}

/**
 * Parses a data query: the dimensions it may select on, the formats it serves (first = default).
 * Expressions are checked when they are resolved against the data (selection.ts).
 */
export function parseQuery<F extends string>(params: URLSearchParams, dims: readonly string[], formats: readonly F[], fallbackLang: Lang): ParsedQuery<F> {
  onlyParams(params, ['valueCodes[*]', 'outputFormat', 'outputFormatParams', 'lang']);
  const valueCodes = new Map<string, string[]>();
  for (const key of new Set(params.keys())) {
    const m = KEY_PATTERN.exec(key);
    if (!m) continue;
    const dim = m[1]!;
    if (!dims.includes(dim)) {
      throw badRequest('unknown_dimension', `Ukjent dimensjon: ${safeEcho(dim)}. Gyldige: ${dims.join(', ')}.`, `Unknown dimension: ${safeEcho(dim)}. Valid: ${dims.join(', ')}.`);
    }
    valueCodes.set(dim, splitValues(dim, params.getAll(key)));
  }
  return { valueCodes, format: parseFormat(params, formats), style: parseStyle(params), lang: parseLang(params, fallbackLang) };
}

/** A stable cache key for a parsed query. */
export function queryKey(q: ParsedQuery<string>): string {
  const sel = [...q.valueCodes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v.join(',')}`).join('&');
  return `${q.format}|${q.style.labels}|${q.style.semicolon ? ';' : ','}|${q.lang}|${sel}`;
}
