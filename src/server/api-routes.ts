/** The /api/v1 routes: read-only JSON, JSON-stat, CSV and XLSX from the published tables. */
import { Hono, type Context } from 'hono';
import type { IndicatorMeta } from '../catalogue/types.ts';
import { COUNTRY_NAME, WRITERS, pick, publicationHeader, regionList, type FilterDimension, type PublicationMeta, type ResultFilter } from '../publish/index.ts';
import type { Lang } from '../shared/lang.ts';
import type { ApiData } from './api-data.ts';
import { ApiError, badRequest } from './errors.ts';
import { ingestReport } from './ingest-report.ts';
import { OPENAPI } from './openapi.ts';
import { isNumericColumn, onlyParams, parseDataQuery, parseLang, resolveValues, type DataQuery } from './params.ts';
import { municipalityProfile } from './profile.ts';
import { ResponseCache } from './response-cache.ts';
import { CACHE_STATIC, jsonPayload, payload, send, type Payload } from './respond.ts';

const ID_PATTERN = /^[A-Z]{1,2}[0-9]{1,2}$/;

function header(meta: PublicationMeta | null): Record<string, unknown> {
  return meta ? publicationHeader(meta) : { generert: null, ubeskyttet: false, personvern: null };
}

async function indicatorMeta(data: ApiData, id: string): Promise<IndicatorMeta | null> {
  if (!ID_PATTERN.test(id)) throw badRequest('bad_indicator', 'Ugyldig indikator-id (f.eks. I1, P3, R10).', 'Invalid indicator id (e.g. I1, P3, R10).');
  if (!(await data.indicatorIds()).includes(id)) {
    throw new ApiError(404, 'unknown_indicator', `Ukjent indikator: ${id}.`, `Unknown indicator: ${id}.`);
  }
  return (await data.catalogue()).find((m) => m.id === id) ?? null;
}

/** Turns valueCodes into a ResultFilter, checking every value against what exists. */
async function buildFilter(data: ApiData, id: string, q: DataQuery): Promise<{ filter: ResultFilter; variables?: string[] }> {
  const existing = await data.dimensionValues(id);
  const filter: { indikator: string } & { [K in FilterDimension]?: string[] } = { indikator: id };
  let variables: string[] | undefined;
  for (const [dim, requested] of q.valueCodes) {
    if (dim === 'maaltall') {
      variables = resolveValues(dim, requested, ['verdi', 'teller', 'nevner', 'ki_nedre', 'ki_ovre', 'mangler']);
      continue;
    }
    const values = resolveValues(dim, requested, existing.get(dim) ?? []);
    if (values) filter[dim as FilterDimension] = values;
  }
  return variables ? { filter, variables } : { filter };
}

async function dataPayload(data: ApiData, id: string, q: DataQuery): Promise<Payload> {
  const meta = await indicatorMeta(data, id);
  const { filter, variables } = await buildFilter(data, id, q);
  const rows = await data.results(filter);
  const writer = WRITERS[q.format];
  const publication = (await data.publication()) ?? undefined;
  const body = await writer.write(rows, meta, {
    lang: q.lang,
    regionNames: await data.regionNames(),
    ...(publication ? { publication } : {}),
    ...(variables ? { variables: variables.filter(isNumericColumn) } : {}),
  });
  return payload(body, writer.contentType, q.format === 'json-stat2' ? undefined : `${id}.${writer.extension}`);
}

function metadataBody(meta: IndicatorMeta, dims: ReadonlyMap<string, readonly string[]>, pub: PublicationMeta | null, lang: Lang) {
  return {
    ...header(pub),
    indikator: { ...meta, navn_valgt_spraak: pick(meta.navn, lang) },
    dimensjoner: Object.fromEntries(dims),
    lenker: { data: `/api/v1/indikatorer/${meta.id}` },
  };
}

export function apiRoutes(data: ApiData, defaultLang: Lang): Hono {
  const api = new Hono();
  const cache = new ResponseCache(1000, 128 * 1024 * 1024);
  const params = (c: Context) => new URL(c.req.url).searchParams;
  /** Only lang is accepted on the JSON endpoints. */
  const langOnly = (c: Context): Lang => {
    const p = params(c);
    onlyParams(p, ['lang']);
    return parseLang(p, defaultLang);
  };
  const cached = async (c: Context, key: string, make: () => Promise<Payload>) =>
    send(c, await cache.get(`${await data.version()}|${key}`, make));

  api.get('/', (c) => {
    langOnly(c);
    const links = ['katalog', 'indikatorer/{id}', 'indikatorer/{id}/metadata', 'kommuner/{kode}/profil', 'regioner', 'tilgjengelighet', 'innlesing'];
    return send(c, jsonPayload({ api: 'integreringsmonitor', versjon: 'v1', openapi: '/api/openapi.json', lenker: links.map((l) => `/api/v1/${l}`) }), CACHE_STATIC);
  });

  api.get('/katalog', async (c) => {
    const lang = langOnly(c);
    return cached(c, `katalog|${lang}`, async () => {
      const pub = await data.publication();
      const indikatorer = (await data.catalogue()).map((m) => ({ ...m, lenker: { data: `/api/v1/indikatorer/${m.id}`, metadata: `/api/v1/indikatorer/${m.id}/metadata` } }));
      return jsonPayload({ ...header(pub), unntak: pub?.fallbacks ?? [], indikatorer });
    });
  });

  api.get('/indikatorer/:id', async (c) => {
    const id = c.req.param('id');
    const q = parseDataQuery(params(c), defaultLang);
    const key = `data|${id}|${q.format}|${q.lang}|${[...q.valueCodes].sort().map(([k, v]) => `${k}=${v.join(',')}`).join('&')}`;
    return cached(c, key, () => dataPayload(data, id, q));
  });

  api.get('/indikatorer/:id/metadata', async (c) => {
    const lang = langOnly(c);
    const id = c.req.param('id');
    return cached(c, `meta|${id}|${lang}`, async () => {
      const meta = await indicatorMeta(data, id);
      if (!meta) throw new ApiError(404, 'no_metadata', `Ingen metadata for ${id}.`, `No metadata for ${id}.`);
      return jsonPayload(metadataBody(meta, await data.dimensionValues(id), await data.publication(), lang));
    });
  });

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
  return api;
}

export function openApiPayload(): Payload {
  return jsonPayload(OPENAPI);
}
