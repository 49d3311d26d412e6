/** The /api/v1 routes: read-only JSON, JSON-stat, CSV and XLSX from the published tables. */
import { Hono, type Context } from 'hono';
import type { IndicatorMeta } from '../catalogue/types.ts';
import {
  NUMERIC_COLUMNS,
  WRITERS,
  prebuiltFile,
  publicationHeader,
  regionList,
  type FilterDimension,
  type NumericColumn,
  type OutputFormat,
  type PublicationMeta,
  type ResultFilter,
  type WriteOptions,
} from '../publish/index.ts';
import { COUNTRY_NAME, STATUS_LABELS, categoryLabel, dimensionLabel, measureLabel } from '../shared/labels.ts';
import { pick, type Lang } from '../shared/lang.ts';
import { analysesRoutes } from './analyses-routes.ts';
import type { ApiData } from './api-data.ts';
import { ApiError, badRequest } from './errors.ts';
import type { ExportJob, ExportPool } from './export-pool.ts';
import { downloadName } from './filename.ts';
import { ingestReport } from './ingest-report.ts';
import { labelsBody } from './labels-body.ts';
import { OPENAPI } from './openapi.ts';
import { DATA_FORMATS, QUERY_DIMENSIONS, onlyParams, parseLang, parseQuery, queryKey, type ParsedQuery, type TableStyle } from './params.ts';
import { municipalityProfile } from './profile.ts';
import { ResponseCache } from './response-cache.ts';
import { CACHE_STATIC, jsonPayload, payload, send, sendFile, type Payload } from './respond.ts';
import { MatchBudget, resolveSelection } from './selection.ts';
import { isTableFormat, writeTable, type TableContext, type TableFormat } from './table-export.ts';

const ID_PATTERN = /^[A-Z]{1,2}[0-9]{1,2}$/;

export interface ApiOptions {
  defaultLang: Lang;
  exports: ExportPool;
  /** Answers with more rows than this are built in the export worker (XLSX always is). */
  inlineRows?: number;
}

export function header(meta: PublicationMeta | null): Record<string, unknown> {
  return meta ? publicationHeader(meta) : { generert: null, ubeskyttet: false, personvern: null };
}

async function indicatorMeta(data: ApiData, id: string): Promise<IndicatorMeta | null> {
  if (!ID_PATTERN.test(id)) throw badRequest('bad_indicator', 'Ugyldig indikator-id (f.eks. I1, P3, R10).', 'Invalid indicator id (e.g. I1, P3, R10).');
  if (!(await data.indicatorIds()).includes(id)) {
    throw new ApiError(404, 'unknown_indicator', `Ukjent indikator: ${id}.`, `Unknown indicator: ${id}.`);
  }
  return (await data.catalogue()).find((m) => m.id === id) ?? null;
}

interface Resolved {
  filter: ResultFilter;
  variables?: NumericColumn[];
  /** Per dimension the chosen values (undefined = all), for the file name. */
  selection: Map<string, readonly string[] | undefined>;
}

/** Resolves valueCodes expressions against what exists (selection.ts), refusing unknown values. */
async function resolveQuery(data: ApiData, id: string, q: ParsedQuery<OutputFormat>): Promise<Resolved> {
  const existing = await data.dimensionValues(id);
  const budget = new MatchBudget();
  const filter: { indikator: string } & { [K in FilterDimension]?: string[] } = { indikator: id };
  const selection = new Map<string, readonly string[] | undefined>();
  let variables: NumericColumn[] | undefined;
  for (const [dim, exprs] of q.valueCodes) {
    if (dim === 'maaltall') {
      variables = resolveSelection(dim, exprs, NUMERIC_COLUMNS, budget) as NumericColumn[] | undefined;
      continue;
    }
    const values = resolveSelection(dim, exprs, existing.get(dim) ?? [], budget);
    selection.set(dim, values);
    if (values) filter[dim as FilterDimension] = values;
  }
  return { filter, selection, ...(variables ? { variables } : {}) };
}

/**
 * The labelled table layout the query asks for, or null when the answer is the output contract's
 * plain file (the publish stage's writer): codes only, standard separator, or a format without layouts.
 */
function layoutFormat(format: OutputFormat, style: TableStyle): TableFormat | null {
  return isTableFormat(format) && (style.labels !== 'codes' || style.semicolon) ? format : null;
}

function describeLines(meta: IndicatorMeta | null, pub: PublicationMeta | null, lang: Lang): [string, string][] {
  const lines: [string, string][] = [];
  if (meta) {
    lines.push(['indikator', meta.id], ['navn', pick(meta.navn, lang)], ['ledd', `${meta.ledd} (${categoryLabel('ledd', meta.ledd, lang)})`]);
    lines.push(['definisjon', pick(meta.beskrivelse, lang)], ['populasjon', pick(meta.populasjon, lang)], ['teller', pick(meta.teller, lang)]);
    lines.push(['kilder', meta.kilder.join('; ')], ['kapittel', meta.kapittel]);
    for (const m of meta.maal) lines.push([`maal:${m.kode}`, `${pick(m.navn, lang)} (${m.enhet})`]);
  }
  if (pub) {
    lines.push(['personvern', pub.disclosure], ['generert', pub.generatedAt]);
    if (pub.dataLastDate) lines.push(['data_til_og_med', pub.dataLastDate]);
    for (const [k, v] of Object.entries(pub.thresholds ?? {})) lines.push([`terskel:${k}`, String(v)]);
  }
  for (const [sym, t] of Object.entries(STATUS_LABELS)) lines.push([`status ${sym}`, pick(t, lang)]);
  return lines;
}

async function dataPayload(data: ApiData, opts: ApiOptions, id: string, q: ParsedQuery<OutputFormat>): Promise<Payload> {
  const meta = await indicatorMeta(data, id);
  const { filter, variables, selection } = await resolveQuery(data, id, q);
  const rows = await data.results(filter);
  const publication = await data.publication();
  const regionNames = await data.regionNames();
  const inline = rows.length <= (opts.inlineRows ?? 20_000) && q.format !== 'xlsx';
  let body: Uint8Array;
  let contentType: string;
  let extension: string;
  const layout = layoutFormat(q.format, q.style);
  if (layout === null) {
    const writer = WRITERS[q.format];
    const wopts: WriteOptions = {
      lang: q.lang,
      regionNames,
      ...(publication ? { publication } : {}),
      ...(variables ? { variables } : {}),
    };
    const job: ExportJob = { kind: 'writer', format: q.format, meta, opts: wopts };
    body = inline ? await writer.write(rows, meta, wopts) : await opts.exports.run(job, rows);
    contentType = writer.contentType;
    extension = writer.extension;
  } else {
    const ctx: TableContext = { lang: q.lang, meta, regionNames, unprotected: publication?.disclosure === 'off', metaLines: describeLines(meta, publication, q.lang) };
    body = inline ? await writeTable('results', rows, layout, q.style, ctx) : await opts.exports.run({ kind: 'table', table: 'results', format: layout, style: q.style, ctx }, rows);
    contentType = WRITERS[layout].contentType;
    extension = WRITERS[layout].extension;
  }
  return payload(body, contentType, q.format === 'json-stat2' ? undefined : downloadName(id, selection, extension));
}

/**
 * The file compute published for this answer, when the query asks for a whole indicator as the
 * publication wrote it (no selection, the plain format, Norwegian labels) and the published folder
 * holds the store's current data version; else null (the answer is built).
 */
async function prebuiltAnswer(data: ApiData, id: string, q: ParsedQuery<OutputFormat>): Promise<string | null> {
  if (q.valueCodes.size > 0 || q.lang !== 'nb' || layoutFormat(q.format, q.style) !== null) return null;
  const writer = WRITERS[q.format];
  if (writer.files?.scope !== 'indicator') return null;
  await indicatorMeta(data, id);
  return prebuiltFile(data.store, writer, id);
}

/** An indicator's metadata: the catalogue entry, the values per dimension in order, and their labels. */
async function metadataBody(data: ApiData, meta: IndicatorMeta, lang: Lang): Promise<Record<string, unknown>> {
  const dims = await data.dimensionValues(meta.id);
  const names = await data.regionNames();
  const label = (dim: string, code: string, l: Lang): string => {
    if (dim === 'maal') return measureLabel(meta.maal, code, l);
    if (dim === 'region') return code === '0' ? pick(COUNTRY_NAME, l) : (names.get(code) ?? code);
    return categoryLabel(dim, code, l);
  };
  const etiketter = Object.fromEntries(
    [...dims].map(([dim, codes]) => [
      dim,
      { navn: dimensionLabel(dim, lang), tekster: { nb: dimensionLabel(dim, 'nb'), en: dimensionLabel(dim, 'en') }, verdier: Object.fromEntries(codes.map((c) => [c, { nb: label(dim, c, 'nb'), en: label(dim, c, 'en') }])) },
    ]),
  );
  return {
    ...header(await data.publication()),
    indikator: { ...meta, navn_valgt_spraak: pick(meta.navn, lang), ledd_navn: categoryLabel('ledd', meta.ledd, lang) },
    dimensjoner: Object.fromEntries(dims),
    etiketter,
    lenker: { data: `/api/v1/indikatorer/${meta.id}` },
  };
}

/**
 * The routes: `v1` for /api/v1 and `v2` for PxWebApi v2 paths over the same handlers
 * (/api/v2/tables, /tables/{id}, /tables/{id}/metadata, /tables/{id}/data).
 */
export function apiRoutes(data: ApiData, opts: ApiOptions): { v1: Hono; v2: Hono; answered(url: string): Promise<Payload | undefined> } {
  const api = new Hono();
  const cache = new ResponseCache(1000, 128 * 1024 * 1024);
  const params = (c: Context) => new URL(c.req.url).searchParams;
  /** Only lang is accepted on the JSON endpoints. */
  const langOnly = (c: Context): Lang => {
    const p = params(c);
    onlyParams(p, ['lang']);
    return parseLang(p, opts.defaultLang);
  };
  const cached = async (c: Context, key: string, make: () => Promise<Payload>) =>
    send(c, await cache.get(`${await data.version()}|${key}`, make));

  api.get('/', (c) => {
    langOnly(c);
    const links = ['katalog', 'indikatorer/{id}', 'indikatorer/{id}/metadata', 'kommuner/{kode}/profil', 'regioner', 'tilgjengelighet', 'innlesing', 'etiketter', 'analyser', 'analyser/{analyse}'];
    return send(c, jsonPayload({ api: 'integreringsmonitor', versjon: 'v1', openapi: '/api/openapi.json', pxwebapi_v2: '/api/v2/tables', lenker: links.map((l) => `/api/v1/${l}`) }), CACHE_STATIC);
  });

  api.get('/katalog', async (c) => {
    const lang = langOnly(c);
    return cached(c, `katalog|${lang}`, async () => {
      const pub = await data.publication();
      const indikatorer = (await data.catalogue()).map((m) => ({
        ...m,
        navn_valgt_spraak: pick(m.navn, lang),
        ledd_navn: categoryLabel('ledd', m.ledd, lang),
        lenker: { data: `/api/v1/indikatorer/${m.id}`, metadata: `/api/v1/indikatorer/${m.id}/metadata` },
      }));
      return jsonPayload({ ...header(pub), unntak: pub?.fallbacks ?? [], indikatorer });
    });
  });

  api.get('/etiketter', (c) => {
    const lang = langOnly(c);
    return send(c, jsonPayload(labelsBody(lang)), CACHE_STATIC);
  });

  // A repeated address is answered before its query is parsed again (keyed by data version + URL).
  const byUrl = new ResponseCache(4000, 16 * 1024 * 1024);
  const dataHandler = async (c: Context) => {
    const urlKey = `${await data.version()}|${c.req.url}`;
    const hit = byUrl.peek(urlKey);
    if (hit) return send(c, hit);
    const id = c.req.param('id') ?? '';
    const q = parseQuery(params(c), QUERY_DIMENSIONS, DATA_FORMATS, opts.defaultLang);
    const file = await prebuiltAnswer(data, id, q);
    if (file) {
      const writer = WRITERS[q.format];
      return sendFile(c, file, writer.contentType, await data.version(), q.format === 'json-stat2' ? undefined : downloadName(id, new Map(), writer.extension));
    }
    const answer = await cache.get(`${await data.version()}|data|${id}|${queryKey(q)}`, () => dataPayload(data, opts, id, q));
    byUrl.put(urlKey, answer);
    return send(c, answer);
  };
  const metadataHandler = async (c: Context) => {
    const lang = langOnly(c);
    const id = c.req.param('id') ?? '';
    return cached(c, `meta|${id}|${lang}`, async () => {
      const meta = await indicatorMeta(data, id);
      if (!meta) throw new ApiError(404, 'no_metadata', `Ingen metadata for ${id}.`, `No metadata for ${id}.`);
      return jsonPayload(await metadataBody(data, meta, lang));
    });
  };
  api.get('/indikatorer/:id', dataHandler);
  api.get('/indikatorer/:id/data', dataHandler);
  api.get('/indikatorer/:id/metadata', metadataHandler);

  api.get('/kommuner/:kode/profil', async (c) => {
    const lang = langOnly(c);
    const kode = c.req.param('kode');
    return cached(c, `profil|${kode}|${lang}`, async () =>
      jsonPayload({ ...header(await data.publication()), ...(await municipalityProfile(data, kode, lang)) }),
    );
  });

  api.get('/regioner', async (c) => {
    const lang = langOnly(c);
    return cached(c, `regioner|${lang}`, async () => jsonPayload(regionList(await data.kommuner(), pick(COUNTRY_NAME, lang))));
  });

  api.get('/tilgjengelighet', async (c) => {
    langOnly(c);
    return cached(c, 'tilgjengelighet', async () => jsonPayload({ ...header(await data.publication()), tilgjengelighet: await data.availability() }));
  });

  api.get('/innlesing', async (c) => {
    const lang = langOnly(c);
    return cached(c, `innlesing|${lang}`, async () => jsonPayload(await ingestReport(data.store, lang)));
  });

  api.route('/analyser', analysesRoutes(data, { ...opts, cached }));

  const v2 = new Hono();
  v2.get('/tables', async (c) => {
    const lang = langOnly(c);
    return cached(c, `v2tables|${lang}`, async () => {
      const tables = (await data.catalogue()).map((m) => ({
        id: m.id,
        label: `${m.id} ${pick(m.navn, lang)}`,
        description: pick(m.beskrivelse, lang),
        links: [
          { rel: 'metadata', href: `/api/v2/tables/${m.id}/metadata` },
          { rel: 'data', href: `/api/v2/tables/${m.id}/data` },
        ],
      }));
      return jsonPayload({ language: lang === 'en' ? 'en' : 'no', tables });
    });
  });
  v2.get('/tables/:id', metadataHandler);
  v2.get('/tables/:id/metadata', metadataHandler);
  v2.get('/tables/:id/data', dataHandler);
  /** The finished answer of a data address asked before (same data version and URL), if any. */
  const answered = async (url: string) => byUrl.peek(`${await data.version()}|${url}`);
  return { v1: api, v2, answered };
}

export function openApiPayload(): Payload {
  return jsonPayload(OPENAPI);
}
