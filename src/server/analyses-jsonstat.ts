/**
 * JSON-stat 2.0 of the analyses table for the API: every key column is a dimension (size 1 when
 * filtered to one value, so a script written for one query reads the next), `maaltall` carries the
 * numbers and the assessment, and every `null` has a status: the row's own (`:` suppressed, `..` no
 * data), `.` for a number the analysis does not have or a combination that does not exist.
 * Model metadata goes in `extension.modeller`.
 */
import type { AnalysisRow } from '../contract/analysis.ts';
import { COUNTRY_NAME, STATUS_LABELS, botidLabel, categoryLabel, dimensionLabel, regionLevel } from '../shared/labels.ts';
import { pick, type Lang, type Text } from '../shared/lang.ts';
import { ApiError } from './errors.ts';
import type { AnalysisModel } from './analyses-data.ts';
import { sortValues } from './selection.ts';

export const ANALYSIS_KEY_DIMENSIONS = ['analyse', 'indikator', 'maal', 'kohort', 'botid', 'gruppe', 'periode', 'region', 'sammenligning'] as const;
export const ANALYSIS_NUMBERS = ['n', 'observert', 'forventet', 'differanse', 'ki_nedre', 'ki_ovre', 'krympet'] as const;
/** What `maaltall` may select: the numbers, and the assessment (a text value). */
export const ANALYSIS_MEASURES = [...ANALYSIS_NUMBERS, 'vurdering'] as const;
export type AnalysisMeasure = (typeof ANALYSIS_MEASURES)[number];
export const MAX_ANALYSIS_CELLS = 5_000_000;
/** Formats of /api/v1/analyser/{analyse} (first = default). */
export const ANALYSIS_FORMATS = ['json', 'csv', 'xlsx', 'json-stat2'] as const;
/** What valueCodes may restrict on an analysis: the key, the level and the assessment. */
export const ANALYSIS_FILTER_DIMENSIONS = [...ANALYSIS_KEY_DIMENSIONS, 'regionniva', 'vurdering'] as const;
export const ANALYSIS_QUERY_DIMENSIONS: readonly string[] = [...ANALYSIS_FILTER_DIMENSIONS, 'maaltall'];

const keyOf = (r: AnalysisRow, dim: (typeof ANALYSIS_KEY_DIMENSIONS)[number]): string => {
  const v = r[dim];
  return v === null ? 'ingen' : String(v);
};

export interface AnalysisJsonStatInput {
  rows: readonly AnalysisRow[];
  measures: readonly AnalysisMeasure[];
  models: readonly AnalysisModel[];
  notes: readonly Text[];
  lang: Lang;
  regionNames: ReadonlyMap<string, string>;
  title: string;
  /** Per dimension the selected values (kept even when no row has them), else those in the rows. */
  selected?: ReadonlyMap<string, readonly string[]>;
}

function label(dim: string, code: string, lang: Lang, names: ReadonlyMap<string, string>): string {
  if (dim === 'region') return code === '0' ? pick(COUNTRY_NAME, lang) : (names.get(code) ?? code);
  if (dim === 'botid' && /^\d+$/.test(code)) return botidLabel(Number(code), lang);
  return categoryLabel(dim, code, lang);
}

export function analysisJsonStat(input: AnalysisJsonStatInput): Record<string, unknown> {
  const { rows, measures, lang } = input;
  const cats = ANALYSIS_KEY_DIMENSIONS.map((dim) => {
    const fromRows = sortValues(dim, rows.map((r) => keyOf(r, dim)));
    const chosen = input.selected?.get(dim);
    const codes = chosen ? sortValues(dim, [...chosen, ...fromRows].filter((c) => chosen.includes(c))) : fromRows;
    return { dim, codes: codes.length ? codes : ['ingen'] };
  });
  const size = [...cats.map((c) => c.codes.length), measures.length];
  const cells = size.reduce((a, b) => a * b, 1);
  if (cells > MAX_ANALYSIS_CELLS) {
    throw new ApiError(413, 'export_too_large', `Utvalget gir ${cells} celler; grensen er ${MAX_ANALYSIS_CELLS}. Velg færre verdier.`, `The selection gives ${cells} cells; the limit is ${MAX_ANALYSIS_CELLS}. Select fewer values.`);
  }
  const value: (number | string | null)[] = new Array<number | string | null>(cells).fill(null);
  const rowStatus = new Map<number, string>();
  const index = cats.map((c) => new Map(c.codes.map((code, i) => [code, i])));
  const strides = size.map((_, d) => size.slice(d + 1).reduce((a, b) => a * b, 1));
  for (const r of rows) {
    let base = 0;
    let ok = true;
    cats.forEach((c, d) => {
      const i = index[d]!.get(keyOf(r, c.dim));
      if (i === undefined) ok = false;
      else base += i * strides[d]!;
    });
    if (!ok) continue;
    measures.forEach((m, j) => {
      const at = base + j;
      const v = r[m];
      value[at] = v;
      if (v === null && r.status) rowStatus.set(at, r.status);
    });
  }
  // Every null gets a symbol; the array form when most cells are null, else the object form.
  let nulls = 0;
  for (const v of value) if (v === null) nulls++;
  let status: string[] | Record<string, string> | null = null;
  if (nulls > cells / 2) status = value.map((v, i) => (v === null ? (rowStatus.get(i) ?? '.') : ''));
  else if (nulls > 0) {
    const obj: Record<string, string> = {};
    value.forEach((v, i) => {
      if (v === null) obj[i] = rowStatus.get(i) ?? '.';
    });
    status = obj;
  }
  const regionniva = Object.fromEntries((cats.find((c) => c.dim === 'region')?.codes ?? []).filter((c) => /^\d+$/.test(c)).map((c) => [c, regionLevel(c)]));
  const dimension: Record<string, unknown> = {};
  for (const c of cats) {
    dimension[c.dim] = {
      label: dimensionLabel(c.dim, lang),
      category: { index: c.codes, label: Object.fromEntries(c.codes.map((code) => [code, label(c.dim, code, lang, input.regionNames)])) },
      ...(c.dim === 'region' ? { extension: { regionniva } } : {}),
    };
  }
  dimension['maaltall'] = {
    label: dimensionLabel('maaltall', lang),
    category: { index: [...measures], label: Object.fromEntries(measures.map((m) => [m, dimensionLabel(m, lang)])) },
  };
  return {
    version: '2.0',
    class: 'dataset',
    label: input.title,
    id: [...ANALYSIS_KEY_DIMENSIONS, 'maaltall'],
    size,
    role: { time: ['periode'], geo: ['region'], metric: ['maaltall'] },
    dimension,
    value,
    ...(status ? { status } : {}),
    note: input.notes.map((n) => pick(n, lang)),
    extension: {
      status: Object.fromEntries(Object.entries(STATUS_LABELS).map(([k, v]) => [k, pick(v, lang)])),
      vurdering: Object.fromEntries(['lavere', 'som_forventet', 'hoyere'].map((v) => [v, categoryLabel('vurdering', v, lang)])),
      modeller: input.models,
    },
  };
}
