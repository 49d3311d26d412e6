/**
 * /api/v1/analyser: the adjusted comparisons (A1–A4, issue 10) from `pub_analyser` and
 * `pub_analyser_modeller`. The list gives every known analysis with its model metadata; one
 * analysis answers as JSON (default), CSV (with codes and/or names, Norwegian CSV), XLSX or
 * JSON-stat 2.0, filtered with valueCodes like the indicators. Absent tables give an empty,
 * well-formed answer with a note (`merknader`), never an error.
 */
import { Hono, type Context } from 'hono';
import { ANALYSIS_COLUMNS, type AnalysisRow } from '../contract/analysis.ts';
import { CATEGORY_LABELS, categoryLabel } from '../shared/labels.ts';
import { pick, text, type Lang, type Text } from '../shared/lang.ts';
import type { ApiData } from './api-data.ts';
import type { ApiOptions } from './api-routes.ts';
import { type ANALYSIS_FILTER_DIMENSIONS, ANALYSIS_FORMATS, ANALYSIS_MEASURES, ANALYSIS_QUERY_DIMENSIONS, analysisJsonStat, type AnalysisMeasure } from './analyses-jsonstat.ts';
import { ApiError, badRequest } from './errors.ts';
import { downloadName } from './filename.ts';
import { onlyParams, parseLang, parseQuery, queryKey, type ParsedQuery } from './params.ts';
import { jsonPayload, payload, type Payload } from './respond.ts';
import { MatchBudget, parseSelection, resolveSelection, sortValues } from './selection.ts';
import { writeTable, type TableContext, type TableFormat } from './table-export.ts';
import { WRITERS } from '../publish/index.ts';
import { header } from './api-routes.ts';

const CODE_PATTERN = /^A[1-9][a-z]?$/;
const FORMATS = ANALYSIS_FORMATS;
type AnalysisFormat = (typeof FORMATS)[number];
type FilterDim = (typeof ANALYSIS_FILTER_DIMENSIONS)[number];

export interface AnalysesRouteOptions extends ApiOptions {
  cached: (c: Context, key: string, make: () => Promise<Payload>) => Promise<Response>;
}

const keyOf = (r: AnalysisRow, dim: FilterDim): string => {
  const v = r[dim];
  return v === null ? 'ingen' : String(v);
};

function knownCodes(rows: readonly AnalysisRow[]): string[] {
  return sortValues('analyse', [...Object.keys(CATEGORY_LABELS['analyse'] ?? {}), ...rows.map((r) => r.analyse)]);
}

function checkCode(code: string, rows: readonly AnalysisRow[]): void {
  if (!CODE_PATTERN.test(code)) throw badRequest('bad_analysis', 'Ugyldig analysekode (f.eks. A1, A3, A4b).', 'Invalid analysis code (e.g. A1, A3, A4b).');
  if (!knownCodes(rows).includes(code)) throw new ApiError(404, 'unknown_analysis', `Ukjent analyse: ${code}.`, `Unknown analysis: ${code}.`);
}

interface Selected {
  rows: AnalysisRow[];
  measures: AnalysisMeasure[];
  selection: Map<string, readonly string[] | undefined>;
}

/** Applies valueCodes to one analysis' rows; with no rows the expressions are only checked. */
function select(rows: readonly AnalysisRow[], q: ParsedQuery<AnalysisFormat>): Selected {
  const budget = new MatchBudget();
  const selection = new Map<string, readonly string[] | undefined>();
  let measures: AnalysisMeasure[] = [...ANALYSIS_MEASURES];
  let out = [...rows];
  for (const [dim, exprs] of q.valueCodes) {
    if (dim === 'maaltall') {
      measures = (resolveSelection(dim, exprs, ANALYSIS_MEASURES, budget) as AnalysisMeasure[] | undefined) ?? measures;
      continue;
    }
    if (!rows.length) {
      exprs.forEach((e) => parseSelection(dim, e));
      continue;
    }
    const d = dim as FilterDim;
    const values = resolveSelection(dim, exprs, sortValues(dim, rows.map((r) => keyOf(r, d))), budget);
    selection.set(dim, values);
    if (values) {
      const wanted = new Set(values);
      out = out.filter((r) => wanted.has(keyOf(r, d)));
    }
  }
  return { rows: out, measures, selection };
}

async function analysisPayload(data: ApiData, opts: ApiOptions, code: string, q: ParsedQuery<AnalysisFormat>): Promise<Payload> {
  const all = await data.analyses();
  checkCode(code, all.rows);
  const own = all.rows.filter((r) => r.analyse === code);
  const notes: Text[] = [...all.notes];
  if (!own.length && !all.notes.length) notes.push(text(`Ingen resultater for ${code} er publisert.`, `No results for ${code} are published.`));
  const { rows, measures, selection } = select(own, q);
  const models = all.models.filter((m) => m.analyse === code);
  const lang = q.lang;
  const title = `${code} ${categoryLabel('analyse', code, lang)}`;
  if (q.format === 'json') {
    return jsonPayload({
      ...header(await data.publication()),
      analyse: { kode: code, navn: title, tekster: CATEGORY_LABELS['analyse']?.[code] ?? null },
      merknader: notes.map((n) => pick(n, lang)),
      kolonner: ANALYSIS_COLUMNS,
      modeller: models,
      rader: rows,
    });
  }
  const regionNames = await data.regionNames();
  if (q.format === 'json-stat2') {
    return jsonPayload(analysisJsonStat({ rows, measures, models, notes, lang, regionNames, title, selected: new Map([...selection].filter((e): e is [string, readonly string[]] => !!e[1])) }));
  }
  const pub = await data.publication();
  const metaLines: [string, string][] = [['analyse', code], ['navn', title], ...notes.map((n): [string, string] => ['merknad', pick(n, lang)])];
  for (const m of models) metaLines.push([`modell:${m.indikator}:${m.maal}`, JSON.stringify(m.meta)]);
  if (pub) metaLines.push(['personvern', pub.disclosure], ['generert', pub.generatedAt]);
  const ctx: TableContext = { lang, regionNames, unprotected: pub?.disclosure === 'off', metaLines };
  const format: TableFormat = q.format;
  // Small CSV answers are written here; XLSX and large tables go to the export worker.
  const inline = format === 'csv' && rows.length <= (opts.inlineRows ?? 20_000);
  const body = inline ? await writeTable('analyses', rows, format, q.style, ctx) : await opts.exports.run({ kind: 'table', table: 'analyses', format, style: q.style, ctx }, rows);
  return payload(body, WRITERS[format].contentType, downloadName(code, selection, WRITERS[format].extension));
}

async function listBody(data: ApiData, lang: Lang): Promise<Record<string, unknown>> {
  const all = await data.analyses();
  const analyser = knownCodes(all.rows).map((code) => {
    const rows = all.rows.filter((r) => r.analyse === code);
    const distinct = (dim: FilterDim) => sortValues(dim, rows.map((r) => keyOf(r, dim)));
    return {
      kode: code,
      navn: categoryLabel('analyse', code, lang),
      tekster: CATEGORY_LABELS['analyse']?.[code] ?? null,
      antall_rader: rows.length,
      indikatorer: distinct('indikator'),
      sammenligninger: distinct('sammenligning').map((s) => ({ kode: s, navn: categoryLabel('sammenligning', s, lang) })),
      perioder: distinct('periode'),
      regionnivaer: distinct('regionniva'),
      modeller: all.models.filter((m) => m.analyse === code),
      lenker: { data: `/api/v1/analyser/${code}` },
    };
  });
  return { ...header(await data.publication()), merknader: all.notes.map((n) => pick(n, lang)), kolonner: ANALYSIS_COLUMNS, analyser };
}

export function analysesRoutes(data: ApiData, opts: AnalysesRouteOptions): Hono {
  const r = new Hono();
  r.get('/', async (c) => {
    const p = new URL(c.req.url).searchParams;
    onlyParams(p, ['lang']);
    const lang = parseLang(p, opts.defaultLang);
    return opts.cached(c, `analyser|${lang}`, async () => jsonPayload(await listBody(data, lang)));
  });
  r.get('/:analyse', async (c) => {
    const code = c.req.param('analyse');
    const q = parseQuery(new URL(c.req.url).searchParams, ANALYSIS_QUERY_DIMENSIONS, FORMATS, opts.defaultLang);
    return opts.cached(c, `analyse|${code}|${queryKey(q)}`, () => analysisPayload(data, opts, code, q));
  });
  return r;
}
